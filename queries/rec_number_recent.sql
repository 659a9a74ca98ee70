-- rec_number_recent: per caller number, dials, answers and rejections in the last 7 days of the
-- filtered data and in the 21 days before them, to spot numbers that are getting burned.
-- params: the standard filters. returns rows: callerNumber, numberTag, lastDate, and
-- recentDials/recentAnswered/recentRejected, priorDials/priorAnswered/priorRejected.
WITH f AS (
  SELECT * FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                               $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
  WHERE caller_number IS NOT NULL
), bounds AS (SELECT max(local_date) AS last_date FROM f)
SELECT caller_number AS "callerNumber", any_value(number_tag) AS "numberTag",
       strftime(any_value(last_date), '%Y-%m-%d') AS "lastDate",
       count(*) FILTER (WHERE local_date > last_date - 7)::INTEGER AS "recentDials",
       count(*) FILTER (WHERE local_date > last_date - 7 AND is_answered)::INTEGER AS "recentAnswered",
       count(*) FILTER (WHERE local_date > last_date - 7 AND disposition = 'rejected')::INTEGER AS "recentRejected",
       count(*) FILTER (WHERE local_date <= last_date - 7 AND local_date > last_date - 28)::INTEGER AS "priorDials",
       count(*) FILTER (WHERE local_date <= last_date - 7 AND local_date > last_date - 28 AND is_answered)::INTEGER AS "priorAnswered",
       count(*) FILTER (WHERE local_date <= last_date - 7 AND local_date > last_date - 28 AND disposition = 'rejected')::INTEGER AS "priorRejected"
FROM f, bounds
GROUP BY caller_number
ORDER BY caller_number;
