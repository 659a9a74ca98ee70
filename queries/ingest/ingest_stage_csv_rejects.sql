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
-- Every column is read as text (no cast fails in the reader: ingest_check names bad values), so a
-- line here is one the reader could not split, reported once by its first complaint (DuckDB logs
-- one entry per missing column), with the line as the reader gives it.
SELECT line, 'line ' || line || ': ' || lower(arg_min(error_type, column_idx)) || ' (' || arg_min(error_message, column_idx) || ')',
  first(csv_line)
FROM ingest_reject_errors GROUP BY line;
