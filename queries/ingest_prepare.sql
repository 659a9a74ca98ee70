-- ingest_prepare: per-connection scratch tables for one file's ingest (temp, never persisted).
-- staged holds every row read, as text, under canonical names; parse_error marks rows the
-- reader could not split (wrong column count, bad JSON) so they are rejected, not lost.
CREATE OR REPLACE TEMP TABLE staged (
  rec_no BIGINT, line_no BIGINT, parse_error VARCHAR, raw_line VARCHAR,
  call_id VARCHAR, started_at VARCHAR, answered_at VARCHAR, ended_at VARCHAR,
  ring_seconds VARCHAR, talk_seconds VARCHAR, disposition VARCHAR, answered_by VARCHAR,
  hangup_by VARCHAR, hangup_cause VARCHAR, campaign VARCHAR, script_id VARCHAR, agent_id VARCHAR,
  caller_number VARCHAR, number_tag VARCHAR, callee_id VARCHAR, segment VARCHAR, age_band VARCHAR,
  outcome VARCHAR
);
DROP TABLE IF EXISTS ingest_reject_errors;
DROP TABLE IF EXISTS ingest_reject_scans;
