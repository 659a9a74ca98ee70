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
