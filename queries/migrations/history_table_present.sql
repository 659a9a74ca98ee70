-- history_table_present: whether this database has an ingest history yet (migrations run before
-- schema.sql creates it). No parameters. Returns one row: n (0 or 1).
SELECT count(*)::INTEGER AS n
FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = 'ingest_log';
