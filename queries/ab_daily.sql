-- ab_daily: answered calls and early hang-ups per script per local day, for sequential looks.
-- params: the standard filters. returns rows: script, date, answered, earlyHangups, knownParty
-- (the hang-up rate's denominator), shortCalls (short-call rate = shortCalls / answered).
SELECT script_id AS script, strftime(local_date, '%Y-%m-%d') AS date,
       count(*) FILTER (WHERE is_answered)::INTEGER AS answered,
       count(*) FILTER (WHERE early)::INTEGER AS "earlyHangups",
       count(*) FILTER (WHERE is_known_party)::INTEGER AS "knownParty",
       count(*) FILTER (WHERE short_call)::INTEGER AS "shortCalls"
FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                    $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
WHERE script_id IS NOT NULL
GROUP BY ALL
ORDER BY date, script;
