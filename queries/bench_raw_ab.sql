-- bench_raw_ab: the counts /api/ab (adjusted for hour, segment, number tag, daily looks) needs,
-- best case: one scan with two groupings.
-- The SQL runs as written on DuckDB and PostgreSQL (test/bench/engine-postgres.ts puts literals in for the parameters).
SELECT script_id, hour, segment, number_tag, local_date,
  count(*) AS dials, count(*) FILTER (WHERE is_answered) AS answered,
  count(*) FILTER (WHERE is_known_party) AS known_party,
  count(*) FILTER (WHERE is_early_hangup) AS early_hangups
FROM calls
GROUP BY GROUPING SETS ((script_id, hour, segment, number_tag), (script_id, local_date));
