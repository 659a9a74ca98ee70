-- format_read_csv: every record of a dialer CSV with a header row as one JSON object keyed by
-- the header names, so one mapping step serves every CSV and JSON source. Rows the reader
-- cannot split land in ingest_reject_errors and are rejected, not lost.
-- strict_mode = false: FreeSWITCH writes `, "x"` (space before a quote) and unescaped inner quotes.
-- null_padding: short rows (Excel footers such as 合计) are padded instead of failing the file.
-- params: $max_line, $buffer (reader limits: room for the longest line, integrity.ts), $path, $skip, $delim, $quote, $escape, $first_line (line number of the first record).
CREATE OR REPLACE TEMP TABLE raw AS
SELECT rec_no, rec_no + $first_line::BIGINT - 1 AS line_no, rec
FROM (
  SELECT row_number() OVER () AS rec_no, to_json(t) AS rec
  FROM read_csv($path, header = true, skip = $skip::BIGINT, delim = $delim, quote = $quote, escape = $escape,
              max_line_size = $max_line::BIGINT, buffer_size = $buffer::BIGINT,
                all_varchar = true, strict_mode = false, null_padding = true,
                store_rejects = true, rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans') t
);
