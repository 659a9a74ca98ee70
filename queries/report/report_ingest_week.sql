-- report_ingest_week: the files handed to ingest during a week, by the time of ingest in the
-- business timezone (loaded, repeated and failed files alike).
-- params: $from, $to (DATE; to exclusive), $business_tz (VARCHAR).
-- returns per file: ingestId, fileName, format, status, message, rowsRead, inserted,
--         duplicates, rejected, ingestedAt (local 'YYYY-MM-DD HH:MM').
SELECT
  ingest_id AS "ingestId", file_name AS "fileName", format, status, message,
  rows_read AS "rowsRead", inserted, duplicates, rejected,
  strftime(timezone($business_tz::VARCHAR, started_at), '%Y-%m-%d %H:%M') AS "ingestedAt"
FROM ingest_log
WHERE CAST(timezone($business_tz::VARCHAR, started_at) AS DATE) >= $from::DATE
  AND CAST(timezone($business_tz::VARCHAR, started_at) AS DATE) < $to::DATE
ORDER BY ingest_id;
