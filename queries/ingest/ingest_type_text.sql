-- ingest_type_text: `staged` from staged_text (JSON lines, Parquet, dialer formats), as text like
-- a canonical CSV's: ingest_check types the durations and timestamps and names each value that
-- does not cast, and the rejects file gives the text back as written.
CREATE OR REPLACE TEMP TABLE staged AS SELECT * FROM staged_text;
