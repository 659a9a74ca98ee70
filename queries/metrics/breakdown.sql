-- breakdown: metrics per value of one dimension ({{dim}}: a column from the server's allow-list).
-- GENERATED from server/semantic/measures.ts by server/semantic/generate-queries.ts: do not edit.
-- params: $from, $to (DATE text, nullable), $campaign, $script, $segment, $number_tag, $agent (VARCHAR[],
--         empty = no filter), $early_seconds (DOUBLE, T).
-- returns: every count and rate of the semantic layer (rates with Wilson 95% bounds; hangupRate's
--         also as ciLow/ciHigh); hangupRate = earlyHangups / knownParty, shortCallRate = shortCalls / answered.
SELECT "key",
  dials AS "dials",
  answered AS "answered",
  hangups AS "hangups",
  early_hangups AS "earlyHangups",
  rejected AS "rejected",
  converted AS "converted",
  machine_answered AS "machineAnswered",
  known_party AS "knownParty",
  short_calls AS "shortCalls",
  (answered - known_party) AS "unknownParty",
  rate(answered, dials) AS "connectRate",
  wilson_low(answered, dials) AS "connectRateCiLow",
  wilson_high(answered, dials) AS "connectRateCiHigh",
  rate(early_hangups, known_party) AS "hangupRate",
  wilson_low(early_hangups, known_party) AS "hangupRateCiLow",
  wilson_high(early_hangups, known_party) AS "hangupRateCiHigh",
  wilson_low(early_hangups, known_party) AS "ciLow",
  wilson_high(early_hangups, known_party) AS "ciHigh",
  rate(short_calls, answered) AS "shortCallRate",
  wilson_low(short_calls, answered) AS "shortCallRateCiLow",
  wilson_high(short_calls, answered) AS "shortCallRateCiHigh",
  rate(rejected, dials) AS "rejectionRate",
  wilson_low(rejected, dials) AS "rejectionRateCiLow",
  wilson_high(rejected, dials) AS "rejectionRateCiHigh",
  rate(converted, answered) AS "conversionRate",
  wilson_low(converted, answered) AS "conversionRateCiLow",
  wilson_high(converted, answered) AS "conversionRateCiHigh",
  rate((answered - known_party), answered) AS "unknownPartyShare"
FROM (
  SELECT "{{dim}}" AS "key",
    count(*)::INTEGER AS dials,
    coalesce(count_if("is_answered"), 0)::INTEGER AS answered,
    coalesce(count_if("is_callee_hangup"), 0)::INTEGER AS hangups,
    coalesce(count_if((disposition = 'answered' AND coalesce(hangup_by = 'callee', false) AND talk_seconds < $early_seconds::DOUBLE)), 0)::INTEGER AS early_hangups,
    coalesce(count_if("is_rejected"), 0)::INTEGER AS rejected,
    coalesce(count_if("is_converted"), 0)::INTEGER AS converted,
    coalesce(count_if("is_machine"), 0)::INTEGER AS machine_answered,
    coalesce(count_if("is_known_party"), 0)::INTEGER AS known_party,
    coalesce(count_if((disposition = 'answered' AND talk_seconds < $early_seconds::DOUBLE)), 0)::INTEGER AS short_calls
  FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                      $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)
  GROUP BY "{{dim}}"
) AS t
ORDER BY "key" NULLS LAST;
