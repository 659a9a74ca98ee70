-- call_files_add: the file being ingested holds every call it inserted or carried again
-- (bucket inserted or duplicate in file_keys). params: $ingest_id.
INSERT INTO call_files (call_id, ingest_id)
SELECT DISTINCT call_id, $ingest_id::INTEGER FROM file_keys WHERE bucket IN ('inserted', 'duplicate');
