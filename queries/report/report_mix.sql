-- report_mix: inputs of the weekly report's mix-vs-rate decomposition of the hang-up rate
-- change: per value of one dimension, known-party answered calls and early hang-ups in the previous week
-- and in the report week.
-- {{dim}} is replaced by a column name from the server's fixed allow-list (never user text).
-- params: the standard filters (see summary.sql) with $from = the previous week's Monday and
--         $to = the Monday after the report week; $split (DATE) = the report week's Monday.
-- returns per key: n0, k0 (known-party answered calls, early hang-ups before $split), n1, k1 (from $split on).
SELECT
  "{{dim}}"                                                   AS key,
  count(*) FILTER (WHERE local_date < $split::DATE)::INTEGER          AS n0,
  count(*) FILTER (WHERE early AND local_date < $split::DATE)::INTEGER AS k0,
  count(*) FILTER (WHERE local_date >= $split::DATE)::INTEGER         AS n1,
  count(*) FILTER (WHERE early AND local_date >= $split::DATE)::INTEGER AS k1
FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                    $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
WHERE is_known_party  -- the hang-up rate is over answered calls with a known hang-up party
GROUP BY ALL
ORDER BY key NULLS LAST;
