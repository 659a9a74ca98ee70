-- ingest_renumber_older: a file can bring calls older than stored ones; recount nth_call_30d of
-- the stored calls of every callee this ingest touched. params: $ingest_id.
UPDATE calls SET nth_call_30d = s.n
FROM (
  SELECT call_id, count(*) OVER (
    PARTITION BY callee_id ORDER BY started_at RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW)::INTEGER AS n,
    ingest_id
  FROM calls
  WHERE callee_id IN (SELECT callee_id FROM calls WHERE ingest_id = $ingest_id::INTEGER)
    AND callee_id IN (SELECT callee_id FROM calls WHERE ingest_id <> $ingest_id::INTEGER)
) s
WHERE calls.call_id = s.call_id AND s.ingest_id <> $ingest_id::INTEGER
  AND calls.nth_call_30d IS DISTINCT FROM s.n;
