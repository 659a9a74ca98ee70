-- ingest_stage_empty: `staged` for a CSV with a header and no rows (0 rows read, loaded, not an
-- error: DuckDB's reader cannot bind a file with no data line): the staging shape, empty.
-- No parameters.
CREATE OR REPLACE TEMP TABLE staged AS SELECT * FROM staging_shape;
