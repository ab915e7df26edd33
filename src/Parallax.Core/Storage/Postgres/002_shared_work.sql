-- Migration 2: work shared between processes ('parallax worker'). Stories to brief are queued by the process that places
-- articles (it holds the refresh lock) and claimed by any worker with FOR UPDATE SKIP LOCKED; brief_marks keeps, per
-- story, the newest job whose brief was stored, so an older job finished late never overwrites a newer brief. Neither
-- table is content: the digest leaves them out. (Articles to analyse need no table: they are the rows without features.)

CREATE TABLE brief_jobs (
  job      bigserial PRIMARY KEY,
  story_id text COLLATE "C" NOT NULL,
  epoch    bigint NOT NULL,                  -- the stories_version it was placed under; older ones are dropped
  members  text NOT NULL                     -- JSON: articles, copies, stories absorbed
);
CREATE INDEX brief_jobs_story ON brief_jobs(story_id, job);

CREATE TABLE brief_marks (
  story_id text COLLATE "C" PRIMARY KEY,
  job      bigint NOT NULL
);
