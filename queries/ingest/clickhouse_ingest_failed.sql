-- clickhouse_ingest_failed: a file whose calls could not be shipped to ClickHouse (and were taken
-- out of DuckDB again) is marked failed, so its bytes may be ingested again.
-- params: $ingest_id, $message, $message_parts (JSON text, server/ingest/message-parts.ts).
UPDATE ingest_log SET status = 'failed', inserted = 0, message = $message, message_parts = $message_parts
WHERE ingest_id = $ingest_id::INTEGER;
