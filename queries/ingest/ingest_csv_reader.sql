-- ingest_csv_reader: names the file and dialect csv_file() reads (ingest_csv_file.sql), kept in a
-- one-row TEMP table (SET VARIABLE takes no $parameter; ingest_csv_file copies the row into the
-- session variable ingest_csv). params: $path, $names (canonical or extra_N), $types (one per
-- column), $delim, $max_line, $buffer (reader limits with room for the longest line, integrity.ts).
CREATE OR REPLACE TEMP TABLE ingest_csv_args AS
SELECT $path::VARCHAR AS path, $names::VARCHAR[] AS names, $types::VARCHAR[] AS types, $delim::VARCHAR AS delim,
  $max_line::BIGINT AS max_line, $buffer::BIGINT AS buffer;
