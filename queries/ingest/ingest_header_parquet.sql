-- ingest_header_parquet: a Parquet file's columns (no rows read). params: $path.
SELECT * FROM read_parquet($path) LIMIT 0;
