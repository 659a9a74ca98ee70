-- ingest_delete_memberships: a deleted file holds no call any more. params: $ingest_id.
DELETE FROM call_files WHERE ingest_id = $ingest_id::INTEGER;
