-- ingest_log_add: records one file's ingest outcome. params: every ingest_log column.
INSERT INTO ingest_log VALUES (
  $ingest_id::INTEGER, $file_name, $sha256, $format, $encoding, $status, $message,
  $rows_read::INTEGER, $inserted::INTEGER, $duplicates::INTEGER, $rejected::INTEGER,
  $rejects_path, $extra_columns, now(), $duration_ms::INTEGER
);
