-- survival_times: talk time of answered calls per group, with how many ended by the callee
-- hanging up (the event) at that time; other answered calls are censored at their talk time.
-- {{dim}} is a column from the server's allow-list. params: the standard filters.
-- returns rows: key, t, events, n.
SELECT coalesce("{{dim}}"::VARCHAR, '(none)') AS key, talk_seconds AS t,
       count(*) FILTER (WHERE is_callee_hangup)::INTEGER AS events,
       count(*)::INTEGER AS n
FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                    $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
WHERE is_answered
GROUP BY ALL
ORDER BY key, t;
