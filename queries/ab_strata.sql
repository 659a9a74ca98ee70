-- ab_strata: answered calls and early hang-ups per script and per stratum (hour, segment,
-- number tag), the inputs of crude and adjusted A/B/n comparisons. Also dials per cell (SRM).
-- params: the standard filters (see summary.sql).
-- returns rows: script, hour, segment, numberTag, dials, answered, earlyHangups, and (issue 9)
--         knownParty (the hang-up rate's denominator) and shortCalls (short-call rate = shortCalls / answered).
SELECT script_id AS script, hour, coalesce(segment, '(none)') AS segment, coalesce(number_tag, '(none)') AS "numberTag",
       count(*)::INTEGER AS dials,
       count(*) FILTER (WHERE is_answered)::INTEGER AS answered,
       count(*) FILTER (WHERE early)::INTEGER AS "earlyHangups",
       count(*) FILTER (WHERE is_known_party)::INTEGER AS "knownParty",
       count(*) FILTER (WHERE short_call)::INTEGER AS "shortCalls"
FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                    $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
WHERE script_id IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
