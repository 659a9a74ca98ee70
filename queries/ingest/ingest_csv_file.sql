-- ingest_csv_file: csv_file(), the canonical CSV reader as a TEMP table macro: DuckDB's reader with
-- explicit types (durations as DOUBLE, the rest as text). A row the reader cannot split or whose
-- value does not cast lands in ingest_reject_errors (DuckDB's own rejects store, appended to by
-- every scan) with its line and column, so it is rejected with a reason, not lost. A macro, so
-- `staged` can be a view over the file (a view takes no $parameters). It binds the file named by
-- ingest_csv_reader.sql when made, so it is made again for each file. Naive timestamps are read
-- in the session TimeZone, which the caller sets to the file's zone. No parameters.
SET VARIABLE ingest_csv = (SELECT {'path': path, 'names': names, 'types': types, 'delim': delim,
  'max_line': max_line, 'buffer': buffer} FROM ingest_csv_args);
CREATE OR REPLACE TEMP MACRO csv_file() AS TABLE
SELECT * FROM read_csv(getvariable('ingest_csv').path, header = false, skip = 1,
  names = getvariable('ingest_csv').names, types = getvariable('ingest_csv').types,
  delim = getvariable('ingest_csv').delim, quote = '"', max_line_size = getvariable('ingest_csv').max_line,
  buffer_size = getvariable('ingest_csv').buffer,
  store_rejects = true, rejects_table = 'ingest_reject_errors', rejects_scan = 'ingest_reject_scans');
