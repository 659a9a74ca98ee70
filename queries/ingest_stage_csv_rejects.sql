-- ingest_stage_csv_rejects: numbers the CSV rows by their record line (header = line 1) and adds
-- the rows the reader rejected, so every record read is in `staged`.
-- A parsed record n follows every rejected line L_k with L_k - k - 1 < n (k = rank of the reject).
-- Only run when the reader rejected lines (the caller checks): otherwise line_no = rec_no + 1.
UPDATE staged SET line_no = rec_no + 1 + (
  SELECT count(*) FROM (
    SELECT line - row_number() OVER (ORDER BY line) - 1 AS parsed_before
    FROM (SELECT DISTINCT line FROM ingest_reject_errors)
  ) r WHERE r.parsed_before < staged.rec_no
);
INSERT INTO staged (line_no, parse_error, raw_line)
SELECT line, 'line ' || line || ': ' || lower(first(error_type)) || ' (' || first(error_message) || ')', first(csv_line)
FROM ingest_reject_errors GROUP BY line;
