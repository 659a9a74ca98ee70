-- clickhouse_dimension_values: queries/dimensions/dimension_values.sql on ClickHouse: distinct
-- values of each filterable dimension with their call counts, for filter menus, from the rollups
-- (server/clickhouse/rollups.ts: every live call is in each, so the sums of dials are the counts
-- of calls). No parameters. Returns rows: dimension, value, calls.
-- Slots rollup_day, rollup_agent, rollup_caller in double braces: the table a query reads for that
-- rollup, filled by server/clickhouse/listing.ts. GROUP BY names the column (18.16 has no GROUP BY
-- ALL). No trailing semicolon: the client and chDB append FORMAT and SETTINGS to the text.
SELECT * FROM (
  SELECT 'campaign' AS `dimension`, toString(`campaign`) AS `value`, toInt64(sum(`dials`)) AS `calls` FROM {{rollup_day}} WHERE `campaign` IS NOT NULL GROUP BY `campaign`
  UNION ALL SELECT 'script' AS `dimension`, toString(`script_id`) AS `value`, toInt64(sum(`dials`)) AS `calls` FROM {{rollup_day}} WHERE `script_id` IS NOT NULL GROUP BY `script_id`
  UNION ALL SELECT 'segment' AS `dimension`, toString(`segment`) AS `value`, toInt64(sum(`dials`)) AS `calls` FROM {{rollup_day}} WHERE `segment` IS NOT NULL GROUP BY `segment`
  UNION ALL SELECT 'numberTag' AS `dimension`, toString(`number_tag`) AS `value`, toInt64(sum(`dials`)) AS `calls` FROM {{rollup_day}} WHERE `number_tag` IS NOT NULL GROUP BY `number_tag`
  UNION ALL SELECT 'agent' AS `dimension`, toString(`agent_id`) AS `value`, toInt64(sum(`dials`)) AS `calls` FROM {{rollup_agent}} WHERE `agent_id` IS NOT NULL GROUP BY `agent_id`
  UNION ALL SELECT 'ageBand' AS `dimension`, toString(`age_band`) AS `value`, toInt64(sum(`dials`)) AS `calls` FROM {{rollup_day}} WHERE `age_band` IS NOT NULL GROUP BY `age_band`
  UNION ALL SELECT 'callerNumber' AS `dimension`, toString(`caller_number`) AS `value`, toInt64(sum(`dials`)) AS `calls` FROM {{rollup_caller}} WHERE `caller_number` IS NOT NULL GROUP BY `caller_number`
) AS v
ORDER BY `dimension`, `value`
