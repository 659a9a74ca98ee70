-- ingest_delete_log: marks a file's log row deleted (the same bytes may then be loaded again).
-- params: $ingest_id, $message.
UPDATE ingest_log SET status = 'deleted', message = $message WHERE ingest_id = $ingest_id::INTEGER;
