-- format_tz_evidence: what a dialer file says about its own UTC offset. Where a row carries Unix
-- seconds (epoch: Asterisk uniqueid) beside a naive wall-clock start, start - epoch is the offset
-- the PBX wrote its times in, give or take the seconds between channel creation and the row's
-- start; rounded to 15 minutes. Returns at most one row: the most common offset, the rows that
-- agree on it, the rows with evidence and (the same) rows it is applied to. No parameters (reads `mapped`).
WITH e AS (
  SELECT round((epoch(try_cast(started_at AS TIMESTAMP)) - try_cast(epoch AS DOUBLE)) / 900) * 900 AS off
  FROM mapped
  WHERE skip IS NULL AND try_cast(epoch AS DOUBLE) IS NOT NULL
    -- offset-aware times were already written in UTC (norm_ts): not a wall clock
    AND NOT regexp_matches(started_at, '([+-][0-9]{2}(:?[0-9]{2})?|Z)$')
    AND try_cast(started_at AS TIMESTAMP) IS NOT NULL
)
SELECT off::INTEGER AS "offsetSeconds", count(*)::INTEGER AS agree, (SELECT count(*) FROM e)::INTEGER AS evidence,
  (SELECT count(*) FROM e)::INTEGER AS naive
FROM e GROUP BY off ORDER BY agree DESC, off LIMIT 1;
