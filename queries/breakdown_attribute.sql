-- breakdown_attribute: metrics per value of one free-form customer attribute (customers files).
-- Joined at query time: attribute names are data (bound $attr), not columns. params: the standard
-- filters (see summary.sql) and $attr. Returns the columns of breakdown.sql.
WITH t AS (
  SELECT
    a.value                                                      AS key,
    count(*)::INTEGER                                            AS dials,
    count_if(is_answered)::INTEGER                               AS answered,
    count_if(is_callee_hangup)::INTEGER                          AS hangups,
    count_if(early)::INTEGER                                     AS early_hangups,
    count_if(disposition = 'rejected')::INTEGER                  AS rejected,
    count_if(is_answered AND outcome = 'converted')::INTEGER     AS converted,
    count_if(is_answered AND hangup_by IS NULL)::INTEGER         AS unknown_party
  FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                      $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE) f
  LEFT JOIN dim_customer_attrs a ON a.callee_id = f.callee_id AND a.name = $attr::VARCHAR
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
