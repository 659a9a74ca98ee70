-- ingest_reader_rejects: lines the CSV reader could not split or cast, over every scan of the file
-- since ingest_prepare (DuckDB appends to its rejects store per scan). Returns one row: n.
SELECT count(*)::INTEGER AS n FROM ingest_reject_errors;
