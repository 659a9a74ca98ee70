-- ingest_stage_csv_view: `staged` as a view over the file, for the direct path of a canonical CSV
-- (ingest-direct.ts): no copy is made, and each step that reads it reads the file again. Rows
-- carry no record number (numbering costs the reader half its speed, and a file that loads
-- directly has no reject to place). No parameters.
CREATE TEMP VIEW staged AS
SELECT * FROM staging_shape
UNION ALL BY NAME
SELECT * FROM csv_file();
