-- heatmap: metrics per (x, y) pair of dimensions, e.g. hour x weekday.
-- {{x}} and {{y}} are column names from the server's fixed allow-list (never user text).
-- params: the standard filters (see summary.sql).
-- returns per cell: x, y, dials, answered, earlyHangups, rejected, connectRate (+ connectRateCiLow/High),
--         hangupRate, ciLow, ciHigh, rejectionRate.
WITH t AS (
  SELECT
    "{{x}}"                                AS x,
    "{{y}}"                                AS y,
    count(*)::INTEGER                      AS dials,
    count(*) FILTER (WHERE is_answered)::INTEGER         AS answered,
    count(*) FILTER (WHERE early)::INTEGER               AS early_hangups,
    count(*) FILTER (WHERE disposition = 'rejected')::INTEGER AS rejected
  FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                      $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
  GROUP BY ALL
)
SELECT
  x, y, dials, answered, early_hangups AS "earlyHangups", rejected,
  rate(answered, dials) AS "connectRate",
  wilson_low(answered, dials) AS "connectRateCiLow", wilson_high(answered, dials) AS "connectRateCiHigh",
  rate(early_hangups, answered) AS "hangupRate",
  wilson_low(early_hangups, answered) AS "ciLow", wilson_high(early_hangups, answered) AS "ciHigh",
  rate(rejected, dials) AS "rejectionRate"
FROM t
ORDER BY y NULLS LAST, x NULLS LAST;
