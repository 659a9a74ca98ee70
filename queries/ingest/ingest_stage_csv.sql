-- ingest_stage_csv: reads a CSV file with DuckDB's reader and explicit types (timestamps as
-- TIMESTAMPTZ, durations as DOUBLE, the rest as text). A row the reader cannot split or whose
-- value does not cast lands in ingest_reject_errors (DuckDB's own rejects store) with its line
-- and column, so it is rejected with a reason, not lost. Naive timestamps are read in the
-- session TimeZone, which the caller sets to the file's timezone.
-- params: $max_line, $buffer (reader limits: room for the longest line, integrity.ts), $path, $names (column names: canonical or extra_N), $types (one type per column), $delim.
-- CREATE TABLE AS: about twice as fast here as INSERT BY NAME into a declared table.
CREATE OR REPLACE TEMP TABLE staged AS
SELECT row_number() OVER () AS rec_no, rec_no + 1 AS line_no, NULL::VARCHAR AS parse_error, NULL::VARCHAR AS raw_line, *
FROM read_csv($path, header = false, skip = 1, names = $names, types = $types, delim = $delim, quote = '"',
              max_line_size = $max_line::BIGINT, buffer_size = $buffer::BIGINT,
              store_rejects = true, rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans');
