-- bench_raw_heatmap: best-case raw query for the cells of /api/heatmap?x=X&y=Y.
-- The SQL runs as written on DuckDB and PostgreSQL (test/bench/engine-postgres.ts puts literals in for the parameters).
SELECT {{x}} AS x, {{y}} AS y, count(*) AS dials,
  count(*) FILTER (WHERE is_answered) AS answered,
  count(*) FILTER (WHERE is_known_party) AS known_party,
  count(*) FILTER (WHERE is_callee_hangup) AS hangups,
  count(*) FILTER (WHERE is_early_hangup) AS early_hangups,
  count(*) FILTER (WHERE is_short) AS short_calls,
  count(*) FILTER (WHERE is_rejected) AS rejected,
  count(*) FILTER (WHERE is_converted) AS converted
FROM calls
GROUP BY {{x}}, {{y}};
