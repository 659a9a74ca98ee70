-- history_messages: every ingest history row that has a message, for migration 003
-- (server/db/code-migrations.ts). No parameters. Returns ingestId, message, messageParts (JSON text).
SELECT ingest_id AS "ingestId", message, message_parts AS "messageParts"
FROM ingest_log
WHERE message IS NOT NULL OR message_parts IS NOT NULL
ORDER BY ingest_id;
