-- ingest_log_add: records one file's ingest outcome. params: every ingest_log column (message_parts: JSON text, message-parts.ts).
-- Columns are named: the table gained columns by ALTER (schema.sql) and positions differ by age.
INSERT INTO ingest_log (ingest_id, file_name, sha256, format, encoding, status, message, rows_read, inserted,
                        duplicates, rejected, rejects_path, extra_columns, started_at, duration_ms,
                        folded, fold_notes, source_timezone, unknown_party, kind, inbound, timezone_inferred,
                        message_parts)
VALUES (
  $ingest_id::INTEGER, $file_name, $sha256, $format, $encoding, $status, $message,
  $rows_read::INTEGER, $inserted::INTEGER, $duplicates::INTEGER, $rejected::INTEGER,
  $rejects_path, $extra_columns, now(), $duration_ms::INTEGER,
  $folded::INTEGER, $fold_notes, $source_timezone, $unknown_party::INTEGER, $kind, $inbound::INTEGER, $timezone_inferred::BOOLEAN,
  $message_parts
);
