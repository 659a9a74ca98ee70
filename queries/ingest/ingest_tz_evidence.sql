-- ingest_tz_evidence: what a canonical file says about its UTC offset: started_at values written
-- with an offset (2026-03-02T10:00:00+03:00) state it. Returns at most one row: the most common
-- offset in seconds, the rows that agree on it, the rows with an offset, and the rows whose
-- start has none (the ones the offset is applied to). No parameters (reads `staged`, once: on the
-- direct path it is a view over the file).
WITH per_offset AS MATERIALIZED (
  SELECT off, count(*)::INTEGER AS n, count_if(naive)::INTEGER AS naive_n
  FROM (
    SELECT CASE WHEN regexp_matches(trim(started_at), '[0-9]([+-][0-9]{2}(:?[0-9]{2})?|Z)$')
                 AND try_cast(trim(started_at) AS TIMESTAMPTZ) IS NOT NULL
           THEN epoch(try_cast(regexp_replace(trim(started_at), '([+-][0-9]{2}(:?[0-9]{2})?|Z)$', '') AS TIMESTAMP))
                - epoch(try_cast(trim(started_at) AS TIMESTAMPTZ)) END AS off,
      NOT regexp_matches(trim(started_at), '[0-9]([+-][0-9]{2}(:?[0-9]{2})?|Z)$')
        AND try_cast(trim(started_at) AS TIMESTAMP) IS NOT NULL AS naive
    FROM staged
  )
  GROUP BY off
)
SELECT off::INTEGER AS "offsetSeconds", n AS agree,
  (SELECT sum(n) FROM per_offset WHERE off IS NOT NULL)::INTEGER AS evidence,
  (SELECT sum(naive_n) FROM per_offset)::INTEGER AS naive
FROM per_offset WHERE off IS NOT NULL ORDER BY agree DESC, off LIMIT 1;
