-- ingest_seen: an earlier successful load of the same bytes. params: $sha256.
-- Returns at most one row: ingestId, fileName, loadedAt, inserted.
SELECT ingest_id AS "ingestId", file_name AS "fileName", strftime(started_at, '%Y-%m-%d %H:%M:%S%z') AS "loadedAt",
       inserted
FROM ingest_log WHERE sha256 = $sha256 AND status = 'loaded'
ORDER BY ingest_id LIMIT 1;
