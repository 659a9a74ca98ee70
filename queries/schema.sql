-- schema: the tables every query reads. Idempotent; run at every open, after the numbered
-- migrations (queries/migrations/, server/db/migrations.ts) have brought an older database in line.
-- calls: one row per dial attempt, canonical columns plus the columns derived at ingest
-- (local_date/hour/weekday in the business timezone, durations, flags, nth_call_30d).
CREATE TABLE IF NOT EXISTS calls (
  call_id          VARCHAR NOT NULL,  -- unique by ingest_check (no index: an ART index on 10 M ids costs more than the checks)
  started_at       TIMESTAMPTZ NOT NULL,
  answered_at      TIMESTAMPTZ,
  ended_at         TIMESTAMPTZ,
  ring_seconds     DOUBLE,
  talk_seconds     DOUBLE NOT NULL,
  disposition      VARCHAR NOT NULL,
  answered_by      VARCHAR,
  hangup_by        VARCHAR,
  hangup_cause     VARCHAR,
  campaign         VARCHAR,
  script_id        VARCHAR,
  agent_id         VARCHAR,
  caller_number    VARCHAR,
  number_tag       VARCHAR,
  callee_id        VARCHAR,
  segment          VARCHAR,
  age_band         VARCHAR,
  outcome          VARCHAR,
  local_date       DATE NOT NULL,
  hour             TINYINT NOT NULL,
  weekday          TINYINT NOT NULL,
  is_answered      BOOLEAN NOT NULL,
  is_callee_hangup BOOLEAN NOT NULL,
  is_early_hangup  BOOLEAN NOT NULL,
  nth_call_30d     INTEGER,
  ingest_id        INTEGER NOT NULL
);

-- one stored BOOLEAN per condition a measure counts (server/semantic/measures.ts FLAGS),
-- so metric queries count flags instead of comparing text. Added in place on older databases and
-- filled at open by server/db/derived.ts (meta flags_version); is_early_hangup and is_short use the
-- early-seconds setting T in meta early_seconds and are re-derived when it changes. Text columns stay
-- VARCHAR: DuckDB stores low-cardinality text (disposition, tags, segments) dictionary-compressed,
-- and an ENUM would refuse values a new dialer brings.
ALTER TABLE calls ADD COLUMN IF NOT EXISTS is_rejected BOOLEAN;
ALTER TABLE calls ADD COLUMN IF NOT EXISTS is_converted BOOLEAN;
ALTER TABLE calls ADD COLUMN IF NOT EXISTS is_machine BOOLEAN;
ALTER TABLE calls ADD COLUMN IF NOT EXISTS is_known_party BOOLEAN;
ALTER TABLE calls ADD COLUMN IF NOT EXISTS is_short BOOLEAN;
-- Which local dates each ingest's calls fall on: deleting a file refreshes the rollups
-- (server/semantic/rollups.ts, created by server/db/derived.ts) of those dates only.
CREATE TABLE IF NOT EXISTS ingest_dates (ingest_id INTEGER NOT NULL, local_date DATE NOT NULL);

CREATE SEQUENCE IF NOT EXISTS ingest_id_seq START 1;

-- ingest_log: one row per file handed to ingest, including refused and repeated files.
CREATE TABLE IF NOT EXISTS ingest_log (
  ingest_id     INTEGER PRIMARY KEY,
  file_name     VARCHAR NOT NULL,
  sha256        VARCHAR NOT NULL,
  format        VARCHAR NOT NULL,
  encoding      VARCHAR,
  status        VARCHAR NOT NULL,   -- loaded | repeated | failed
  message       VARCHAR,
  rows_read     INTEGER NOT NULL,
  inserted      INTEGER NOT NULL,
  duplicates    INTEGER NOT NULL,
  rejected      INTEGER NOT NULL,
  rejects_path  VARCHAR,
  extra_columns VARCHAR,
  started_at    TIMESTAMPTZ NOT NULL,
  duration_ms   INTEGER NOT NULL,
  message_parts VARCHAR             -- message keyed for translation, JSON (migration 002 on older databases)
);

-- settings the stored derived columns depend on (business timezone, early hang-up T at ingest).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

-- ADD COLUMN IF NOT EXISTS so databases made before it upgrade in place.
-- folded: source rows that were not calls of their own (legs, forks, re-deliveries, totals rows);
-- rows_read = calls + folded and calls = inserted + duplicates + rejected.
ALTER TABLE ingest_log ADD COLUMN IF NOT EXISTS folded INTEGER DEFAULT 0;
ALTER TABLE ingest_log ADD COLUMN IF NOT EXISTS fold_notes VARCHAR;
ALTER TABLE ingest_log ADD COLUMN IF NOT EXISTS source_timezone VARCHAR;
-- answered calls of this file whose hang-up party the source did not say (shown in the history).
ALTER TABLE ingest_log ADD COLUMN IF NOT EXISTS unknown_party INTEGER DEFAULT 0;
ALTER TABLE ingest_log ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'calls';   -- calls | dimension | evidence
-- inbound calls of this file: counted apart (calls = inserted + duplicates + rejected + inbound), never stored.
ALTER TABLE ingest_log ADD COLUMN IF NOT EXISTS inbound INTEGER DEFAULT 0;
-- source_timezone was inferred from the file (epochs beside wall-clock times, or offsets), not given.
ALTER TABLE ingest_log ADD COLUMN IF NOT EXISTS timezone_inferred BOOLEAN DEFAULT false;

-- The number tag the CDR itself carried, kept so caller-number files can be re-applied (a newer
-- numbers file re-tags past calls, and calls before a tag's from-date fall back to this).
ALTER TABLE calls ADD COLUMN IF NOT EXISTS number_tag_cdr VARCHAR;

-- Twilio Voice Insights summaries: who hung up, for calls loaded before or after them
-- (named twilio_insights until migration 001).
CREATE TABLE IF NOT EXISTS twilio_insights_summaries (
  call_sid     VARCHAR PRIMARY KEY,
  hangup_by    VARCHAR,
  ring_seconds DOUBLE,
  call_state   VARCHAR,
  ingest_id    INTEGER NOT NULL
);

-- Dimension files (keys described by data teams). See README "Dimension files".
CREATE TABLE IF NOT EXISTS dim_scripts (
  script_id    VARCHAR PRIMARY KEY,
  campaign     VARCHAR,
  opening_line VARCHAR,
  ingest_id    INTEGER NOT NULL
);
-- One row per (number, from_date): the tag applies from that local date until the next row.
CREATE TABLE IF NOT EXISTS dim_caller_numbers (
  caller_number VARCHAR NOT NULL,
  from_date     DATE NOT NULL,
  number_tag    VARCHAR NOT NULL,
  ingest_id     INTEGER NOT NULL,
  PRIMARY KEY (caller_number, from_date)
);
-- callee_id is stored the way calls store it (phones as the keyed hash).
CREATE TABLE IF NOT EXISTS dim_customers (
  callee_id VARCHAR PRIMARY KEY,
  segment   VARCHAR,
  age_band  VARCHAR,
  ingest_id INTEGER NOT NULL
);
-- Any other customer column, long form, so a new attribute needs no schema change.
CREATE TABLE IF NOT EXISTS dim_customer_attrs (
  callee_id VARCHAR NOT NULL,
  name      VARCHAR NOT NULL,
  value     VARCHAR,
  ingest_id INTEGER NOT NULL,
  PRIMARY KEY (callee_id, name)
);

-- Users: only a salted hash of each token is kept (server/auth/tokens.ts).
CREATE TABLE IF NOT EXISTS users (
  name       VARCHAR PRIMARY KEY,
  role       VARCHAR NOT NULL,      -- viewer | uploader | admin
  token_id   VARCHAR NOT NULL,      -- the public part of the token, to find the row without a scan of hashes
  salt       VARCHAR NOT NULL,
  token_hash VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
-- Every write (upload, inbox file, delete, user change, interrupted upload): who, what, when.
CREATE SEQUENCE IF NOT EXISTS audit_id_seq START 1;
CREATE TABLE IF NOT EXISTS audit_log (
  audit_id  INTEGER PRIMARY KEY,
  logged_at TIMESTAMPTZ NOT NULL,
  actor     VARCHAR NOT NULL,
  role      VARCHAR,
  action    VARCHAR NOT NULL,       -- upload | inbox | ingest (CLI) | delete | user_add | user_remove | interrupted
  target    VARCHAR,
  file_name VARCHAR,
  sha256    VARCHAR,
  counts    VARCHAR,                -- JSON object of the counts the action reported
  outcome   VARCHAR NOT NULL
);
-- Which files brought which call: the file that inserted it AND every file that carried it again
-- (a duplicate). A delete removes only calls no other live file holds.
CREATE TABLE IF NOT EXISTS call_files (
  call_id   VARCHAR NOT NULL,
  ingest_id INTEGER NOT NULL
);
-- The script a scripts file marks `control: true` is the default control of /api/ab.
ALTER TABLE dim_scripts ADD COLUMN IF NOT EXISTS is_control BOOLEAN DEFAULT false;
