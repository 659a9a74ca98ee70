-- bench_raw_count: best-case raw query behind /api/health (npm run bench compares the API to it).
-- The SQL runs as written on DuckDB and PostgreSQL (test/bench/engine-postgres.ts puts literals in for the parameters).
SELECT count(*) AS calls FROM calls;
