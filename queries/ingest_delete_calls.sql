-- ingest_delete_calls: removes the calls one file brought. params: $ingest_id.
DELETE FROM calls WHERE ingest_id = $ingest_id::INTEGER;
