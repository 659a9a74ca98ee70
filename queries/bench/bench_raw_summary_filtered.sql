-- bench_raw_summary_filtered: bench_raw_summary for 4 weeks of one campaign, the filter written
-- out (only the filters present). params: $from, $to (DATE, to exclusive), $campaign.
-- count_if, not count(*) FILTER: 2-3x faster on DuckDB 1.5 (10 M calls). The same file runs on PostgreSQL
-- (test/bench/engine-postgres.ts spells count_if as FILTER and puts literals in for the parameters).
SELECT count(*) AS dials,
  count_if(is_answered) AS answered,
  count_if(is_known_party) AS known_party,
  count_if(is_callee_hangup) AS hangups,
  count_if(is_early_hangup) AS early_hangups,
  count_if(is_short) AS short_calls,
  count_if(is_rejected) AS rejected,
  count_if(is_converted) AS converted,
  count_if(is_machine) AS machine_answered,
  count_if(is_answered AND NOT is_known_party) AS unknown_party,
  min(local_date) AS first_date, max(local_date) AS last_date
FROM calls
WHERE local_date >= $from::DATE AND local_date < $to::DATE AND campaign = $campaign::VARCHAR;
