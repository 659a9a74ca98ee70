-- ingest_scratch: the scratch relations an ingest leaves on the write connection (tables, or views
-- over the file on the direct path), to drop before the next file and after this one (a staged
-- copy of a large file holds memory until dropped). Returns name, kind (TABLE or VIEW).
SELECT table_name AS name, 'TABLE' AS kind FROM duckdb_tables()
WHERE temporary AND table_name IN ('staged', 'staged_text', 'checked', 'mapped', 'raw', 'file_keys', 'ingest_csv_args', 'ingest_check_args')
UNION ALL
SELECT view_name, 'VIEW' FROM duckdb_views() WHERE temporary AND view_name IN ('staged', 'checked');
