-- dimension_values: distinct values of each filterable dimension with their call counts,
-- for filter menus. No parameters. Returns rows: dimension, value, calls.
-- Read from the rollups (server/semantic/rollups.ts: every call is in each of them, so the sums
-- are the counts of calls), not from the 10 M-row table.
SELECT dimension, value, calls::INTEGER AS calls FROM (
  SELECT 'campaign' AS dimension, campaign AS value, sum(dials) AS calls FROM rollup_day WHERE campaign IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'script', script_id, sum(dials) FROM rollup_day WHERE script_id IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'segment', segment, sum(dials) FROM rollup_day WHERE segment IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'numberTag', number_tag, sum(dials) FROM rollup_day WHERE number_tag IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'agent', agent_id, sum(dials) FROM rollup_agent WHERE agent_id IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'ageBand', age_band, sum(dials) FROM rollup_day WHERE age_band IS NOT NULL GROUP BY ALL
  UNION ALL SELECT 'callerNumber', caller_number, sum(dials) FROM rollup_caller WHERE caller_number IS NOT NULL GROUP BY ALL
)
ORDER BY dimension, value;
