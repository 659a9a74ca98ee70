-- ingest_stage_csv: reads a CSV file as text under the caller's column names; rows the
-- reader cannot split land in ingest_reject_errors (DuckDB's own rejects store).
-- params: $path, $names (VARCHAR[], canonical or extra_N per header column), $delim.
-- CREATE TABLE AS: about twice as fast here as INSERT BY NAME into a declared table.
CREATE OR REPLACE TEMP TABLE staged AS
SELECT row_number() OVER () AS rec_no, rec_no + 1 AS line_no, NULL::VARCHAR AS parse_error, NULL::VARCHAR AS raw_line, *
FROM read_csv($path, header = false, skip = 1, all_varchar = true, names = $names, delim = $delim, quote = '"',
              store_rejects = true, rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans');
