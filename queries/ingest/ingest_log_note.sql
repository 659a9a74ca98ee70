-- ingest_log_note: a history row for a file that was never read: an upload a killed server left
-- behind (status interrupted), an inbox entry that is not a regular file (status failed).
-- params: $file_name, $status, $message, $message_parts (JSON text). Counts are zero; sha256 is empty (nothing was hashed).
INSERT INTO ingest_log (ingest_id, file_name, sha256, format, encoding, status, message, rows_read, inserted,
                        duplicates, rejected, rejects_path, extra_columns, started_at, duration_ms,
                        folded, fold_notes, source_timezone, unknown_party, kind, message_parts)
VALUES (nextval('ingest_id_seq')::INTEGER, $file_name, '', 'unknown', NULL, $status, $message, 0, 0, 0, 0, NULL, NULL,
        now(), 0, 0, NULL, NULL, 0, 'calls', $message_parts);
