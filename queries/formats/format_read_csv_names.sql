-- format_read_csv_names: like format_read_csv for files without a header (Asterisk Master.csv,
-- FreeSWITCH cdr-csv), the column names coming from the format's documented layout.
-- params: $max_line, $buffer (reader limits: room for the longest line, integrity.ts), $path, $names (VARCHAR[]), $delim, $quote, $escape.
CREATE OR REPLACE TEMP TABLE raw AS
SELECT rec_no, rec_no AS line_no, rec
FROM (
  SELECT row_number() OVER () AS rec_no, to_json(t) AS rec
  FROM read_csv($path, header = false, names = $names, delim = $delim, quote = $quote, escape = $escape,
              max_line_size = $max_line::BIGINT, buffer_size = $buffer::BIGINT,
                all_varchar = true, strict_mode = false, null_padding = true,
                store_rejects = true, rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans') t
);
