-- ingest_delete_log: marks a file's log row deleted (the same bytes may then be loaded again).
-- params: $ingest_id, $message, $message_parts (JSON text, server/ingest/message-parts.ts).
UPDATE ingest_log SET status = 'deleted', message = $message, message_parts = $message_parts WHERE ingest_id = $ingest_id::INTEGER;
