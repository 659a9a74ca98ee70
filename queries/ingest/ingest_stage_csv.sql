-- ingest_stage_csv: `staged`, the rows of csv_file() (ingest_csv_file.sql) with every canonical
-- column (staging_shape: those the file lacks are NULL), numbered by record for reject lines.
-- CREATE TABLE AS: about twice as fast here as INSERT BY NAME into a declared table.
-- No parameters.
CREATE OR REPLACE TEMP TABLE staged AS
SELECT * FROM staging_shape
UNION ALL BY NAME
SELECT row_number() OVER () AS rec_no, rec_no + 1 AS line_no, * FROM csv_file();
