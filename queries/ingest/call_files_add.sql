-- call_files_add: the file being ingested holds every call it inserted or carried again
-- (bucket inserted or duplicate in `checked`). params: $ingest_id.
INSERT INTO call_files (call_id, ingest_id)
SELECT DISTINCT v_call_id, $ingest_id::INTEGER FROM checked WHERE bucket IN ('inserted', 'duplicate');
