-- bench_raw_heatmap: best-case raw query for the cells of /api/heatmap?x=X&y=Y.
-- count_if, not count(*) FILTER: 2-3x faster on DuckDB 1.5 (10 M calls). The same file runs on PostgreSQL
-- (test/bench/engine-postgres.ts spells count_if as FILTER and puts literals in for the parameters).
SELECT {{x}} AS x, {{y}} AS y, count(*) AS dials,
  count_if(is_answered) AS answered,
  count_if(is_known_party) AS known_party,
  count_if(is_callee_hangup) AS hangups,
  count_if(is_early_hangup) AS early_hangups,
  count_if(is_short) AS short_calls,
  count_if(is_rejected) AS rejected,
  count_if(is_converted) AS converted
FROM calls
GROUP BY {{x}}, {{y}};
