-- format_read_rejects: the CSV lines the reader could not split, staged as rejected calls
-- with DuckDB's reason, so every line of the file is accounted for.
INSERT INTO staged_text (line_no, parse_error, raw_line)
SELECT line, 'line ' || line || ': ' || lower(first(error_type)) || ' (' || first(error_message) || ')', first(csv_line)
FROM ingest_reject_errors GROUP BY line;
