-- ingest_delete_target: the log row a deletion acts on. params: $ingest_id.
-- Returns at most one row: fileName, sha256, status, kind.
SELECT file_name AS "fileName", sha256, status, coalesce(kind, 'calls') AS kind
FROM ingest_log WHERE ingest_id = $ingest_id::INTEGER;
