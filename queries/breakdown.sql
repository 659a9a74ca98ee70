-- breakdown: metrics per value of one dimension.
-- {{dim}} is replaced by a column name from the server's fixed allow-list (never user text).
-- params: the standard filters (see summary.sql).
-- returns per key: dials, answered, hangups, earlyHangups, rejected, converted, unknownParty,
--         connectRate, hangupRate (+ ciLow/ciHigh), rejectionRate, conversionRate.
WITH t AS (
  SELECT
    "{{dim}}"                                                    AS key,
    count(*)::INTEGER                                            AS dials,
    count(*) FILTER (WHERE is_answered)::INTEGER                               AS answered,
    count(*) FILTER (WHERE is_callee_hangup)::INTEGER                          AS hangups,
    count(*) FILTER (WHERE early)::INTEGER                                     AS early_hangups,
    count(*) FILTER (WHERE disposition = 'rejected')::INTEGER                  AS rejected,
    count(*) FILTER (WHERE is_answered AND outcome = 'converted')::INTEGER     AS converted,
    count(*) FILTER (WHERE is_answered AND hangup_by IS NULL)::INTEGER         AS unknown_party
  FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                      $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
  GROUP BY ALL
)
SELECT
  key, dials, answered, hangups, early_hangups AS "earlyHangups", rejected, converted,
  unknown_party AS "unknownParty",
  rate(answered, dials) AS "connectRate",
  wilson_low(answered, dials) AS "connectRateCiLow", wilson_high(answered, dials) AS "connectRateCiHigh",
  rate(early_hangups, answered) AS "hangupRate",
  wilson_low(early_hangups, answered) AS "ciLow", wilson_high(early_hangups, answered) AS "ciHigh",
  rate(rejected, dials) AS "rejectionRate",
  rate(converted, answered) AS "conversionRate",
  rate(unknown_party, answered) AS "unknownPartyShare"
FROM t
ORDER BY key NULLS LAST;
