-- ingest_type_text: types the duration columns of a JSON-lines or Parquet file the way
-- ingest_stage_csv's reader types CSV, naming each value that does not cast.
CREATE OR REPLACE TEMP TABLE staged AS
SELECT * EXCLUDE (ring_seconds, talk_seconds, parse_error),
  try_cast(nullif(trim(ring_seconds), '') AS DOUBLE) AS ring_seconds,
  try_cast(nullif(trim(talk_seconds), '') AS DOUBLE) AS talk_seconds,
  coalesce(parse_error, nullif(concat_ws('; ',
    CASE WHEN nullif(trim(ring_seconds), '') IS NOT NULL AND try_cast(trim(ring_seconds) AS DOUBLE) IS NULL
         THEN 'ring_seconds: not a number: "' || ring_seconds || '"' END,
    CASE WHEN nullif(trim(talk_seconds), '') IS NOT NULL AND try_cast(trim(talk_seconds) AS DOUBLE) IS NULL
         THEN 'talk_seconds: not a number: "' || talk_seconds || '"' END), '')) AS parse_error
FROM staged_text;
