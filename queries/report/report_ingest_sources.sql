-- report_ingest_sources: every file of the ingest log with its read and reject counts, for the
-- report's "sources" table (the calls each file supplied to the week come from the metric layer,
-- grouped by ingest_id, on whichever engine holds the calls).
-- params: $business_tz (VARCHAR).
-- returns per file: ingestId, fileName, rowsRead, rejected, ingestedAt (local 'YYYY-MM-DD HH:MM' in $business_tz).
SELECT
  ingest_id AS "ingestId", file_name AS "fileName", rows_read AS "rowsRead", rejected,
  strftime(timezone($business_tz::VARCHAR, started_at), '%Y-%m-%d %H:%M') AS "ingestedAt"
FROM ingest_log
ORDER BY ingest_id;
