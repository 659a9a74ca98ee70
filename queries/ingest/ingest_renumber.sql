-- ingest_renumber: ingest_insert counted nth_call_30d over the file's own calls; for every callee
-- that also has calls of other files, recount all of that callee's calls (the file's, and older
-- ones a file of earlier dials changes). Only those callees are read. params: $ingest_id.
UPDATE calls SET nth_call_30d = s.n
FROM (
  SELECT call_id, count(*) OVER (
    PARTITION BY callee_id ORDER BY started_at RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW)::INTEGER AS n
  FROM calls
  WHERE callee_id IN (
    SELECT callee_id FROM calls
    WHERE ingest_id <> $ingest_id::INTEGER
      AND callee_id IN (SELECT callee_id FROM calls WHERE ingest_id = $ingest_id::INTEGER)
  )
) s
WHERE calls.call_id = s.call_id AND calls.nth_call_30d IS DISTINCT FROM s.n;
