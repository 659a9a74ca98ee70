-- ingest_get: one ingest_log row by id, for the rejects download and deletion. params: $ingest_id.
-- Returns at most one row: ingestId, fileName, status, kind, rejectsPath, inserted.
SELECT ingest_id AS "ingestId", file_name AS "fileName", status, coalesce(kind, 'calls') AS kind,
       rejects_path AS "rejectsPath", inserted
FROM ingest_log WHERE ingest_id = $ingest_id::INTEGER;
