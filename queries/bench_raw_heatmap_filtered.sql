-- bench_raw_heatmap_filtered: bench_raw_heatmap for 4 weeks of one campaign.
-- params: $from, $to, $campaign.
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
WHERE local_date >= $from::DATE AND local_date < $to::DATE AND campaign = $campaign::VARCHAR
GROUP BY {{x}}, {{y}};
