-- report_ingest_sources: the files that supplied the filtered calls of a period, with how many
-- of those calls each supplied and the file's own read/reject counts.
-- params: the standard filters (see summary.sql), $business_tz (VARCHAR).
-- returns per file: ingestId, fileName, calls (in the period), rowsRead, rejected,
--         ingestedAt (local 'YYYY-MM-DD HH:MM' in $business_tz).
SELECT
  c.ingest_id AS "ingestId", any_value(l.file_name) AS "fileName", count(*)::INTEGER AS calls,
  any_value(l.rows_read) AS "rowsRead", any_value(l.rejected) AS rejected,
  strftime(any_value(timezone($business_tz::VARCHAR, l.started_at)), '%Y-%m-%d %H:%M') AS "ingestedAt"
FROM filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                    $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE) c
LEFT JOIN ingest_log l USING (ingest_id)
GROUP BY c.ingest_id
ORDER BY c.ingest_id;
