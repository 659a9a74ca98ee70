-- macros: the semantic layer, defined once and used by every metric query.
-- rate(k, n): k/n as DOUBLE, NULL when n = 0 (a rate of nothing is unknown, not 0).
CREATE OR REPLACE MACRO rate(k, n) AS CASE WHEN n > 0 THEN k::DOUBLE / n END;

-- Wilson score 95% interval bounds (z = 1.959963984540054); NULL when n = 0.
CREATE OR REPLACE MACRO wilson_low(k, n) AS CASE WHEN n > 0 THEN
  ((k::DOUBLE / n) + 1.959963984540054 ^ 2 / (2.0 * n)
   - 1.959963984540054 * sqrt((k::DOUBLE / n) * (1 - k::DOUBLE / n) / n + 1.959963984540054 ^ 2 / (4.0 * n * n)))
  / (1 + 1.959963984540054 ^ 2 / n) END;
CREATE OR REPLACE MACRO wilson_high(k, n) AS CASE WHEN n > 0 THEN
  ((k::DOUBLE / n) + 1.959963984540054 ^ 2 / (2.0 * n)
   + 1.959963984540054 * sqrt((k::DOUBLE / n) * (1 - k::DOUBLE / n) / n + 1.959963984540054 ^ 2 / (4.0 * n * n)))
  / (1 + 1.959963984540054 ^ 2 / n) END;

-- filtered_calls: calls matching the standard filters, with `early` = the hang-up event (callee
-- hung up within early_seconds of answering) and `short_call` = answered with talk < early_seconds
-- (whoever hung up), for the given T. Empty lists mean "no filter". The API's metric routes plan
-- narrower SQL (server/semantic/); this generic form serves the report, A/B and benchmark files.
CREATE OR REPLACE MACRO filtered_calls(date_from, date_to, campaigns, scripts, segments, tags, agents, early_seconds) AS TABLE
  SELECT *, (is_callee_hangup AND talk_seconds < early_seconds) AS early,
    (is_answered AND talk_seconds < early_seconds) AS short_call
  FROM calls
  WHERE (date_from IS NULL OR local_date >= date_from)
    AND (date_to IS NULL OR local_date < date_to)
    AND (len(campaigns) = 0 OR list_contains(campaigns, campaign))
    AND (len(scripts) = 0 OR list_contains(scripts, script_id))
    AND (len(segments) = 0 OR list_contains(segments, segment))
    AND (len(tags) = 0 OR list_contains(tags, number_tag))
    AND (len(agents) = 0 OR list_contains(agents, agent_id));
