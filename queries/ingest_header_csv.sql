-- ingest_header_csv: the header of a CSV file as DuckDB's sniffer splits it (no rows read).
-- params: $path. Returns zero rows; the caller reads the column names.
SELECT * FROM read_csv($path, header = true, all_varchar = true) LIMIT 0;
