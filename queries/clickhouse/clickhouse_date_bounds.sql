-- clickhouse_date_bounds: queries/metrics/date_bounds.sql on ClickHouse: the first and last local
-- call date in the store and the number of calls, from rollup_day (slot in double braces, filled by
-- server/clickhouse/listing.ts; every live call counted once). No parameters.
-- Returns one row: firstDate, lastDate (YYYY-MM-DD or NULL), calls.
-- min/max of a Date over no rows is day 0, not NULL (no call is dated 1970-01-01: see dialect.ts
-- formatDate); sum over no rows is 0. No trailing semicolon: FORMAT and SETTINGS are appended.
SELECT if(toUInt16(min(`local_date`)) = 0, NULL, toString(min(`local_date`))) AS `firstDate`,
       if(toUInt16(max(`local_date`)) = 0, NULL, toString(max(`local_date`))) AS `lastDate`,
       toInt64(sum(`dials`)) AS `calls`
FROM {{rollup_day}}
