-- The Parallax store (SQLite). Articles are never rewritten: their text, once stored, is what every span indexes.
-- Stories, briefs and facts are derived from the articles and rebuilt when membership changes.
-- Its version is SqliteStore.SchemaVersion alone: the store stamps it (PRAGMA user_version) whenever it writes this schema.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
  seq       INTEGER PRIMARY KEY,          -- arrival order; clustering reads articles in this order
  id        TEXT NOT NULL UNIQUE,
  hash      TEXT NOT NULL UNIQUE,         -- of the whitespace-normalised text: the same text twice is stored once
  url       TEXT,
  url_key   TEXT UNIQUE,                  -- normalised address: the same page twice is stored once
  source    TEXT,
  title     TEXT,
  published TEXT,                         -- YYYY-MM-DD
  origin    TEXT,
  extra     TEXT,                         -- input fields Parallax does not interpret, as one JSON object
  text      TEXT NOT NULL,
  added     TEXT NOT NULL,                -- when it was stored (UTC, ISO 8601)
  features  BLOB                          -- story features; NULL until the next refresh computes them
);
CREATE INDEX IF NOT EXISTS articles_unfeatured ON articles(seq) WHERE features IS NULL;

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, text, content = 'articles', content_rowid = 'seq', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE TABLE IF NOT EXISTS stories (
  id          TEXT PRIMARY KEY,           -- story-N, N the arrival number of its first article
  members_key TEXT NOT NULL,              -- hash of its articles and copies: a brief is rebuilt only when this changes
  title       TEXT NOT NULL,
  date        TEXT,                       -- the brief's date (YYYY-MM-DD), NULL when no article is dated
  day         TEXT NOT NULL,              -- date, or the day its newest article was stored: for ranking and filtering
  sources     INTEGER NOT NULL,           -- independent sources (copies count once)
  outlets     TEXT,                       -- the named outlets carrying it, most articles first, one per line (schema 4)
  topic       TEXT,                       -- the commonest topic its input labels its articles with, if any (schema 5)
  articles    INTEGER NOT NULL,
  conflicts   INTEGER NOT NULL,
  summary     TEXT NOT NULL,              -- one line for lists
  alternates  TEXT,                       -- the next lines, one per line, shown when the summary recurs across stories (schema 5)
  score       REAL NOT NULL,              -- coverage and recency together; higher ranks first
  updated     TEXT NOT NULL
);

-- Briefs apart from the story list, so listing and ranking stories never reads them.
CREATE TABLE IF NOT EXISTS briefs (
  story_id TEXT PRIMARY KEY,
  json     BLOB NOT NULL,                 -- gzip: a story of one long article has a brief of tens of kilobytes
  html     BLOB NOT NULL                  -- gzip: the brief as an HTML fragment, sources side by side
);
CREATE INDEX IF NOT EXISTS stories_rank ON stories(score DESC, id);
CREATE INDEX IF NOT EXISTS stories_day ON stories(day);
-- The front page's filters, each answered from an index alone (its count too) on a store of tens of thousands of stories.
CREATE INDEX IF NOT EXISTS stories_topic ON stories(topic, sources, score) WHERE topic IS NOT NULL;
CREATE INDEX IF NOT EXISTS stories_sources ON stories(sources, score);
CREATE INDEX IF NOT EXISTS stories_conflicted ON stories(score) WHERE conflicts > 0;

-- Each story's list lines (its summary and alternates) by a 64-bit key of their text: a line three or more stories carry
-- is a template (a newsletter pitch, a byline blurb), and lists show the story's next line instead (schema 5).
CREATE TABLE IF NOT EXISTS story_lines (
  line_key INTEGER NOT NULL,
  story_id TEXT NOT NULL,
  PRIMARY KEY (line_key, story_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS story_lines_story ON story_lines(story_id);

-- Who carries each story, for the front page's coverage strip and its outlet filter (schema 5).
CREATE TABLE IF NOT EXISTS story_outlets (
  story_id TEXT NOT NULL,
  position INTEGER NOT NULL,              -- most articles first, as stories.outlets
  outlet   TEXT NOT NULL,
  articles INTEGER NOT NULL,              -- its articles in the story, copies aside
  leaning  TEXT,                          -- left, lean left, center, lean right or right, when the input rates it
  PRIMARY KEY (story_id, position)
);
CREATE INDEX IF NOT EXISTS story_outlets_outlet ON story_outlets(outlet COLLATE NOCASE);

CREATE TABLE IF NOT EXISTS story_articles (
  article_id   TEXT PRIMARY KEY,
  story_id     TEXT NOT NULL,
  position     INTEGER NOT NULL,          -- citation number - 1
  duplicate_of TEXT
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id, position);

-- Facts two or more independent sources state, for search (a single source's sentences are searchable as its article).
CREATE TABLE IF NOT EXISTS facts (
  rowid    INTEGER PRIMARY KEY,
  story_id TEXT NOT NULL,
  rank     INTEGER NOT NULL,
  sources  INTEGER NOT NULL,
  text     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_story ON facts(story_id);

CREATE VIRTUAL TABLE IF NOT EXISTS facts_fts USING fts5(
  text, content = 'facts', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS facts_fts_insert AFTER INSERT ON facts BEGIN
  INSERT INTO facts_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER IF NOT EXISTS facts_fts_delete AFTER DELETE ON facts BEGIN
  INSERT INTO facts_fts(facts_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TABLE IF NOT EXISTS feeds (
  url   TEXT PRIMARY KEY,
  state TEXT NOT NULL                     -- FeedState as JSON
);

-- Articles that could not be analysed or briefed: kept (nothing valid is thrown away), left out of stories, listed with
-- the reason by 'parallax check' and GET /api/quarantine, and counted by 'parallax stories'. (Schema 2.)
CREATE TABLE IF NOT EXISTS quarantine (
  article_id TEXT PRIMARY KEY,
  stage      TEXT NOT NULL,               -- features, brief
  reason     TEXT NOT NULL
);

-- The next numeric suffix to try for an id already taken ("x-2", "x-3" …), so many articles sharing one id store in
-- linear time. (Schema 2.)
CREATE TABLE IF NOT EXISTS id_next (
  base TEXT PRIMARY KEY,
  next INTEGER NOT NULL
);

-- Work shared between processes ('parallax worker'; schema 6): stories to brief, queued by the process that places
-- articles, and per story the newest job whose brief was stored, so a job finished late never overwrites a newer brief.
-- Job numbers are never reused (AUTOINCREMENT). Neither table is content: the digest leaves them out.
CREATE TABLE IF NOT EXISTS brief_jobs (
  job      INTEGER PRIMARY KEY AUTOINCREMENT,
  story_id TEXT NOT NULL,
  epoch    INTEGER NOT NULL,              -- the stories_version it was placed under; older ones are dropped
  members  TEXT NOT NULL                  -- JSON: articles, copies, stories absorbed
);
CREATE INDEX IF NOT EXISTS brief_jobs_story ON brief_jobs(story_id, job);

CREATE TABLE IF NOT EXISTS brief_marks (
  story_id TEXT PRIMARY KEY,
  job      INTEGER NOT NULL
);
