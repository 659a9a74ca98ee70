-- bench_raw_summary_filtered: bench_raw_summary for 4 weeks of one campaign, the filter written
-- out (only the filters present). params: $from, $to (DATE, to exclusive), $campaign.
-- The SQL runs as written on DuckDB and PostgreSQL (test/bench/engine-postgres.ts puts literals in for the parameters).
SELECT count(*) AS dials,
  count(*) FILTER (WHERE is_answered) AS answered,
  count(*) FILTER (WHERE is_known_party) AS known_party,
  count(*) FILTER (WHERE is_callee_hangup) AS hangups,
  count(*) FILTER (WHERE is_early_hangup) AS early_hangups,
  count(*) FILTER (WHERE is_short) AS short_calls,
  count(*) FILTER (WHERE is_rejected) AS rejected,
  count(*) FILTER (WHERE is_converted) AS converted,
  count(*) FILTER (WHERE is_machine) AS machine_answered,
  count(*) FILTER (WHERE is_answered AND NOT is_known_party) AS unknown_party,
  min(local_date) AS first_date, max(local_date) AS last_date
FROM calls
WHERE local_date >= $from::DATE AND local_date < $to::DATE AND campaign = $campaign::VARCHAR;
