-- summary: headline metrics over the filtered calls.
-- params: $from, $to (DATE, nullable), $campaign, $script, $segment, $number_tag, $agent (VARCHAR[]),
--         $early_seconds (DOUBLE)
-- returns one row: dials, answered, hangups, earlyHangups, rejected, converted, machineAnswered,
--         unknownParty, firstDate, lastDate, and each rate with its Wilson 95% bounds.
WITH t AS (
  SELECT
    count(*)::INTEGER                                            AS dials,
    count(*) FILTER (WHERE is_answered)::INTEGER                               AS answered,
    count(*) FILTER (WHERE is_callee_hangup)::INTEGER                          AS hangups,
    count(*) FILTER (WHERE early)::INTEGER                                     AS early_hangups,
    count(*) FILTER (WHERE disposition = 'rejected')::INTEGER                  AS rejected,
    count(*) FILTER (WHERE is_answered AND outcome = 'converted')::INTEGER     AS converted,
    count(*) FILTER (WHERE is_answered AND answered_by = 'machine')::INTEGER   AS machine_answered,
    count(*) FILTER (WHERE is_answered AND hangup_by IS NULL)::INTEGER         AS unknown_party,
    min(local_date)                                              AS first_date,
    max(local_date)                                              AS last_date
  FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                      $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
)
SELECT
  dials, answered, hangups, early_hangups AS "earlyHangups", rejected, converted,
  machine_answered AS "machineAnswered", unknown_party AS "unknownParty",
  strftime(first_date, '%Y-%m-%d') AS "firstDate", strftime(last_date, '%Y-%m-%d') AS "lastDate",
  rate(answered, dials) AS "connectRate",
  wilson_low(answered, dials) AS "connectRateCiLow", wilson_high(answered, dials) AS "connectRateCiHigh",
  rate(early_hangups, answered) AS "hangupRate",
  wilson_low(early_hangups, answered) AS "ciLow", wilson_high(early_hangups, answered) AS "ciHigh",
  rate(rejected, dials) AS "rejectionRate",
  wilson_low(rejected, dials) AS "rejectionRateCiLow", wilson_high(rejected, dials) AS "rejectionRateCiHigh",
  rate(converted, answered) AS "conversionRate",
  wilson_low(converted, answered) AS "conversionRateCiLow", wilson_high(converted, answered) AS "conversionRateCiHigh",
  rate(unknown_party, answered) AS "unknownPartyShare"
FROM t;
