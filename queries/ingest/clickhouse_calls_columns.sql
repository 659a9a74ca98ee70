-- clickhouse_calls_columns: the columns of `calls` in order, from which the ClickHouse tables and
-- the shipping SELECT are generated (server/clickhouse/schema.ts). No parameters.
-- Returns rows: name, type (DuckDB data_type), nullable ('YES' | 'NO').
SELECT column_name AS name, data_type AS type, is_nullable AS nullable
FROM information_schema.columns
WHERE table_name = 'calls' AND table_schema = 'main'
ORDER BY ordinal_position;
