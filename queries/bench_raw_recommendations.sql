-- bench_raw_recommendations: the counts /api/recommendations needs, best case: one scan with
-- four groupings (segment x hour windows, caller numbers in the last 7 days vs the 21 before,
-- the 30-day call count, agents).
-- The SQL runs as written on DuckDB and PostgreSQL (test/bench/engine-postgres.ts puts literals in for the parameters).
WITH bounds AS (SELECT max(local_date) AS last_date FROM calls)
SELECT segment, hour, caller_number, local_date > last_date - 7 AS recent, nth_call_30d, agent_id,
  count(*) AS dials, count(*) FILTER (WHERE is_answered) AS answered,
  count(*) FILTER (WHERE is_rejected) AS rejected,
  count(*) FILTER (WHERE is_known_party) AS known_party,
  count(*) FILTER (WHERE is_early_hangup) AS early_hangups
FROM calls, bounds
GROUP BY GROUPING SETS ((segment, hour), (caller_number, local_date > last_date - 7), (nth_call_30d), (agent_id));
