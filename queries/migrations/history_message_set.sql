-- history_message_set: one ingest history row's message and its parts, rewritten by migration 003.
-- params: $ingest_id, $message, $message_parts (JSON text, server/ingest/message-parts.ts).
UPDATE ingest_log SET message = $message, message_parts = $message_parts WHERE ingest_id = $ingest_id::INTEGER;
