-- ingest_survey: what a canonical CSV must tell before its rows are judged, in one read of `staged`
-- (on the direct path a view over the file): how many times are d/m/yyyy (rewritten first on a
-- scratch copy, where format_date_order.sql decides their order), and the file's word on its UTC
-- offset: started_at values written with one (2026-03-02T10:00:00+03:00) state it. Returns one row:
-- dated; the most common offset in seconds, the rows that agree on it, the rows with an offset, the
-- rows whose start has none (the ones it is applied to); the earliest naive start (to read a given
-- zone's offset at the file's dates). No parameters.
WITH v AS (
  SELECT trim(started_at) AS s, trim(answered_at) AS a, trim(ended_at) AS e FROM staged
), f AS (
  SELECT dmy_time(s)::INTEGER + dmy_time(a)::INTEGER + dmy_time(e)::INTEGER AS dated,
    regexp_matches(s, '[0-9]([+-][0-9]{2}(:?[0-9]{2})?|Z)$') AS has_offset,
    try_cast(s AS TIMESTAMPTZ) AS aware,
    try_cast(s AS TIMESTAMP) AS naive_start,
    s
  FROM v
), per_offset AS MATERIALIZED (
  SELECT off, count(*)::INTEGER AS n, count_if(naive)::INTEGER AS naive_n, sum(dated) AS dated,
    min(naive_start) AS first_start
  FROM (
    SELECT dated,
      CASE WHEN has_offset AND aware IS NOT NULL
           THEN epoch(try_cast(regexp_replace(s, '([+-][0-9]{2}(:?[0-9]{2})?|Z)$', '') AS TIMESTAMP)) - epoch(aware) END AS off,
      NOT has_offset AND naive_start IS NOT NULL AS naive,
      naive_start
    FROM f
  )
  GROUP BY off
)
SELECT (SELECT coalesce(sum(dated), 0) FROM per_offset)::INTEGER AS dated,
  top.off::INTEGER AS "offsetSeconds", top.n AS agree,
  (SELECT coalesce(sum(n), 0) FROM per_offset WHERE off IS NOT NULL)::INTEGER AS evidence,
  (SELECT coalesce(sum(naive_n), 0) FROM per_offset)::INTEGER AS naive,
  (SELECT strftime(min(first_start), '%Y-%m-%d %H:%M:%S') FROM per_offset) AS "firstStart"
FROM (SELECT 1) one
LEFT JOIN (SELECT off, n FROM per_offset WHERE off IS NOT NULL ORDER BY n DESC, off LIMIT 1) top ON true;
