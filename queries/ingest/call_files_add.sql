-- call_files_add: the file being ingested also holds the stored calls it carried again (bucket
-- duplicate in file_keys). The calls it inserted are held through calls.ingest_id, which the
-- delete reads as a holder too (ingest_delete_members.sql): a clean file adds no row here.
-- params: $ingest_id.
INSERT INTO call_files (call_id, ingest_id)
SELECT DISTINCT call_id, $ingest_id::INTEGER FROM file_keys WHERE bucket = 'duplicate';
