-- bench_raw_recommendations: the counts /api/recommendations needs, best case: one scan with
-- four groupings (segment x hour windows, caller numbers in the last 7 days vs the 21 before,
-- the 30-day call count, agents).
-- count_if, not count(*) FILTER: 2-3x faster on DuckDB 1.5 (10 M calls). The same file runs on PostgreSQL
-- (test/bench/engine-postgres.ts spells count_if as FILTER and puts literals in for the parameters).
WITH bounds AS (SELECT max(local_date) AS last_date FROM calls)
SELECT segment, hour, caller_number, local_date > last_date - 7 AS recent, nth_call_30d, agent_id,
  count(*) AS dials, count_if(is_answered) AS answered,
  count_if(is_rejected) AS rejected,
  count_if(is_known_party) AS known_party,
  count_if(is_early_hangup) AS early_hangups
FROM calls, bounds
GROUP BY GROUPING SETS ((segment, hour), (caller_number, local_date > last_date - 7), (nth_call_30d), (agent_id));
