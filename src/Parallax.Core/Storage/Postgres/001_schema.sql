-- The Parallax store on PostgreSQL, migration 1: the same tables as the SQLite store (Storage/schema.sql), so both hold
-- the same content and give the same digest. Keys that lists and the digest order by sort bytewise (COLLATE "C"), as
-- SQLite's do. Search is a tsvector beside each text ('english' stemming, as SQLite's porter), kept by the database.

CREATE TABLE meta (
  key   text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO meta(key, value) VALUES ('stories_pending', '0'), ('stories_version', '0');

CREATE TABLE articles (
  seq       bigint PRIMARY KEY,              -- arrival order: numbered under a lock, so commit order is arrival order
  id        text COLLATE "C" NOT NULL UNIQUE,
  hash      text NOT NULL UNIQUE,
  url       text,
  url_key   text UNIQUE,
  source    text,
  title     text,
  published text,                            -- YYYY-MM-DD
  origin    text,
  extra     text,
  text      text NOT NULL,
  added     text NOT NULL,
  features  bytea,
  search    tsvector GENERATED ALWAYS AS (
              setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')) STORED
);
CREATE INDEX articles_unfeatured ON articles(seq) WHERE features IS NULL;
CREATE INDEX articles_search ON articles USING gin(search);
CREATE INDEX articles_source ON articles(lower(source));

CREATE TABLE stories (
  id          text COLLATE "C" PRIMARY KEY,
  members_key text NOT NULL,
  title       text NOT NULL,
  date        text,
  day         text NOT NULL,
  sources     integer NOT NULL,
  outlets     text,
  topic       text,
  articles    integer NOT NULL,
  conflicts   integer NOT NULL,
  summary     text NOT NULL,
  alternates  text,
  score       double precision NOT NULL,
  updated     text NOT NULL
);
CREATE INDEX stories_rank ON stories(score DESC, id);
CREATE INDEX stories_day ON stories(day);
CREATE INDEX stories_topic ON stories(topic, sources, score) WHERE topic IS NOT NULL;
CREATE INDEX stories_sources ON stories(sources, score);
CREATE INDEX stories_conflicted ON stories(score) WHERE conflicts > 0;

CREATE TABLE briefs (
  story_id text COLLATE "C" PRIMARY KEY,
  json     bytea NOT NULL,                   -- gzip
  html     bytea NOT NULL                    -- gzip
);

CREATE TABLE story_lines (
  line_key bigint NOT NULL,
  story_id text COLLATE "C" NOT NULL,
  PRIMARY KEY (line_key, story_id)
);
CREATE INDEX story_lines_story ON story_lines(story_id);

CREATE TABLE story_outlets (
  story_id text COLLATE "C" NOT NULL,
  position integer NOT NULL,
  outlet   text NOT NULL,
  articles integer NOT NULL,
  leaning  text,
  PRIMARY KEY (story_id, position)
);
CREATE INDEX story_outlets_outlet ON story_outlets(lower(outlet));

CREATE TABLE story_articles (
  article_id   text COLLATE "C" PRIMARY KEY,
  story_id     text COLLATE "C" NOT NULL,
  position     integer NOT NULL,
  duplicate_of text
);
CREATE INDEX story_articles_story ON story_articles(story_id, position);

CREATE TABLE facts (
  rowid    bigserial PRIMARY KEY,
  story_id text COLLATE "C" NOT NULL,
  rank     integer NOT NULL,
  sources  integer NOT NULL,
  text     text NOT NULL,
  search   tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX facts_story ON facts(story_id);
CREATE INDEX facts_search ON facts USING gin(search);

CREATE TABLE feeds (
  url   text COLLATE "C" PRIMARY KEY,
  state text NOT NULL
);

CREATE TABLE quarantine (
  article_id text COLLATE "C" PRIMARY KEY,
  stage      text NOT NULL,
  reason     text NOT NULL
);

CREATE TABLE id_next (
  base text PRIMARY KEY,
  next integer NOT NULL
);
