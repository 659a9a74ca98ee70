-- schema: the tables every query reads. Idempotent; run at every open.
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
  duration_ms   INTEGER NOT NULL
);

-- settings the stored derived columns depend on (business timezone, early hang-up T at ingest).
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
