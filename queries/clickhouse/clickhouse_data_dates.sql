-- clickhouse_data_dates: queries/metrics/data_dates.sql on ClickHouse: the local dates that have
-- calls, oldest first, from rollup_day (slot in double braces, filled by
-- server/clickhouse/listing.ts; every live call counted once). No parameters.
-- Returns rows: date (YYYY-MM-DD). No trailing semicolon: FORMAT and SETTINGS are appended.
SELECT toString(`local_date`) AS `date`
FROM {{rollup_day}}
GROUP BY `local_date`
HAVING sum(`dials`) > 0
ORDER BY `local_date`
