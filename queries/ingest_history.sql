-- ingest_history: the files ingested, newest first. Returns rows with the ingest_log columns.
SELECT ingest_id AS "ingestId", file_name AS "fileName", sha256, format, encoding, status, message,
       rows_read AS "rowsRead", inserted, duplicates, rejected, rejects_path AS "rejectsPath",
       extra_columns AS "extraColumns", strftime(started_at, '%Y-%m-%dT%H:%M:%S%z') AS "startedAt",
       duration_ms AS "durationMs"
FROM ingest_log ORDER BY ingest_id DESC;
