-- ingest_tz_evidence: what a canonical file says about its UTC offset: started_at values written
-- with an offset (2026-03-02T10:00:00+03:00) state it. Returns at most one row: the most common
-- offset in seconds, the rows that agree on it, the rows with an offset, and the rows whose
-- start has none (the ones the offset is applied to). No parameters (reads `staged`).
WITH e AS (
  SELECT epoch(try_cast(regexp_replace(trim(started_at), '([+-][0-9]{2}(:?[0-9]{2})?|Z)$', '') AS TIMESTAMP))
         - epoch(try_cast(trim(started_at) AS TIMESTAMPTZ)) AS off
  FROM staged
  WHERE regexp_matches(trim(started_at), '[0-9]([+-][0-9]{2}(:?[0-9]{2})?|Z)$')
    AND try_cast(trim(started_at) AS TIMESTAMPTZ) IS NOT NULL
)
SELECT off::INTEGER AS "offsetSeconds", count(*)::INTEGER AS agree, (SELECT count(*) FROM e WHERE off IS NOT NULL)::INTEGER AS evidence,
  (SELECT count(*) FROM staged WHERE NOT regexp_matches(trim(started_at), '[0-9]([+-][0-9]{2}(:?[0-9]{2})?|Z)$')
     AND try_cast(trim(started_at) AS TIMESTAMP) IS NOT NULL)::INTEGER AS naive
FROM e WHERE off IS NOT NULL GROUP BY off ORDER BY agree DESC, off LIMIT 1;
