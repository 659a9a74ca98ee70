-- ingest_first_start: the earliest naive start of the current file (`staged`), to read a zone's
-- offset at the file's own dates. Returns one row: at (text, NULL when no start parses).
SELECT strftime(min(try_cast(trim(started_at) AS TIMESTAMP)), '%Y-%m-%d %H:%M:%S') AS at FROM staged;
