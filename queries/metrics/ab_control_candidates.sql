-- ab_control_candidates: the scripts of the A/B view (the standard filters) with their answered
-- calls and whether a scripts file marks them as the control. params: the standard filters.
-- returns rows: script, answered, marked.
SELECT f.script_id AS script, count(*) FILTER (WHERE f.is_answered)::INTEGER AS answered,
       coalesce(any_value(d.is_control), false) AS marked
FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                    $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE) f
LEFT JOIN dim_scripts d ON d.script_id = f.script_id
WHERE f.script_id IS NOT NULL
GROUP BY f.script_id
ORDER BY f.script_id;
