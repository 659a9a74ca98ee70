-- ingest_delete_members: the calls one file holds (it inserted them or carried them again) and,
-- for each, the lowest-numbered other loaded file that holds it too (NULL: no other file does).
-- params: $ingest_id. Fills the temp table delete_members (call_id, other).
-- calls.ingest_id counts as a holder too: it names the inserting file for calls stored before
-- call_files existed.
CREATE OR REPLACE TEMP TABLE delete_members AS
WITH mine AS (
  SELECT call_id FROM call_files WHERE ingest_id = $ingest_id::INTEGER
  UNION
  SELECT call_id FROM calls WHERE ingest_id = $ingest_id::INTEGER
), holders AS (
  SELECT f.call_id, f.ingest_id FROM call_files f
  JOIN ingest_log l ON l.ingest_id = f.ingest_id AND l.status = 'loaded'
  WHERE f.ingest_id <> $ingest_id::INTEGER AND f.call_id IN (SELECT call_id FROM mine)
  UNION ALL
  SELECT call_id, ingest_id FROM calls
  WHERE ingest_id <> $ingest_id::INTEGER AND call_id IN (SELECT call_id FROM mine)
)
SELECT m.call_id, min(h.ingest_id) AS other
FROM mine m LEFT JOIN holders h USING (call_id)
GROUP BY m.call_id;
