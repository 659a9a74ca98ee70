-- ingest_delete_renumber: recounts nth_call_30d for the callees a deletion touched. No parameters.
UPDATE calls SET nth_call_30d = s.n
FROM (
  SELECT call_id, count(*) OVER (
    PARTITION BY callee_id ORDER BY started_at RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW)::INTEGER AS n
  FROM calls WHERE callee_id IN (SELECT callee_id FROM deleted_callees)
) s
WHERE calls.call_id = s.call_id AND calls.nth_call_30d IS DISTINCT FROM s.n;
