-- ingest_stage_parquet: a Parquet file's columns cast to text; the caller has checked the
-- names are canonical; canonical columns it lacks are NULL (staging_shape). Typed timestamps
-- keep their instant (TIMESTAMPTZ text carries the offset). params: $path.
CREATE OR REPLACE TEMP TABLE staged_text AS
SELECT * FROM staging_shape
UNION ALL BY NAME
SELECT row_number() OVER () AS rec_no, row_number() OVER () AS line_no, NULL::VARCHAR AS parse_error,
  NULL::VARCHAR AS raw_line, COLUMNS('^(call_id|started_at|answered_at|ended_at|ring_seconds|talk_seconds|disposition|answered_by|hangup_by|hangup_cause|campaign|script_id|agent_id|caller_number|number_tag|callee_id|segment|age_band|outcome|direction)$')::VARCHAR
FROM read_parquet($path);
