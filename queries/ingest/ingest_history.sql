-- ingest_history: the files ingested, newest first. Returns rows with the ingest_log columns;
-- calls = rows read - folded (= inserted + duplicates + rejected + inbound for call files).
SELECT ingest_id AS "ingestId", file_name AS "fileName", sha256, format, encoding, status, message, message_parts AS "messageParts",
       coalesce(kind, 'calls') AS kind, rows_read AS "rowsRead", (rows_read - coalesce(folded, 0))::INTEGER AS calls,
       coalesce(folded, 0) AS folded, fold_notes AS "foldNotes", inserted, duplicates, rejected,
       coalesce(unknown_party, 0) AS "unknownParty", coalesce(inbound, 0) AS inbound, rejects_path AS "rejectsPath",
       source_timezone AS "sourceTimezone", coalesce(timezone_inferred, false) AS "timezoneInferred",
       extra_columns AS "extraColumns", strftime(started_at, '%Y-%m-%dT%H:%M:%S%z') AS "startedAt",
       duration_ms AS "durationMs"
FROM ingest_log ORDER BY ingest_id DESC;
