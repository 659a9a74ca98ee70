-- dimension_values: distinct values of each filterable dimension with their call counts,
-- for filter menus. No parameters. Returns rows: dimension, value, calls.
SELECT dimension, value, calls::INTEGER AS calls FROM (
  SELECT 'campaign' AS dimension, campaign AS value, count(*) AS calls FROM calls WHERE campaign IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'script', script_id, count(*) FROM calls WHERE script_id IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'segment', segment, count(*) FROM calls WHERE segment IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'numberTag', number_tag, count(*) FROM calls WHERE number_tag IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'agent', agent_id, count(*) FROM calls WHERE agent_id IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'ageBand', age_band, count(*) FROM calls WHERE age_band IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'callerNumber', caller_number, count(*) FROM calls WHERE caller_number IS NOT NULL GROUP BY ALL
)
ORDER BY dimension, value;
