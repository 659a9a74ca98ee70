-- rec_segment_hours: answered calls and early hang-ups per segment and hour of day, the input of
-- the best / worst call window recommendations. params: the standard filters.
-- returns rows: segment, hour, answered, earlyHangups.
SELECT segment, hour,
       count(*) FILTER (WHERE is_answered)::INTEGER AS answered,
       count(*) FILTER (WHERE early)::INTEGER AS "earlyHangups"
FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                    $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
WHERE segment IS NOT NULL
GROUP BY ALL
ORDER BY segment, hour;
