-- ingest_prepare: clears the reader's rejects store left by the previous file on this connection.
DROP TABLE IF EXISTS ingest_reject_errors;
DROP TABLE IF EXISTS ingest_reject_scans;
