-- migration_002_ingest_message_parts: ingest_log.message_parts holds each row's message keyed for
-- translation (JSON text: a list of {code, args}, server/ingest/message-parts.ts). Added in place;
-- rows written before stay NULL (the dashboard then shows their English message). A no-op on a
-- new database: schema.sql creates ingest_log with the column.
ALTER TABLE IF EXISTS ingest_log ADD COLUMN IF NOT EXISTS message_parts VARCHAR;
