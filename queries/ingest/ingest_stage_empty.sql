-- ingest_stage_empty: `staged` for a CSV with a header and no rows (0 rows read, loaded, not an
-- error: DuckDB's reader cannot bind a file with no data line). The canonical columns are added
-- after, as for every file (ingest_add_column). No parameters.
CREATE OR REPLACE TEMP TABLE staged AS
SELECT NULL::BIGINT AS rec_no, NULL::BIGINT AS line_no, NULL::VARCHAR AS parse_error, NULL::VARCHAR AS raw_line WHERE false;
