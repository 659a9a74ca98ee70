-- bench_replicate_calls: one more copy of generated calls, for a benchmark size that the SQL
-- generator cannot make in the time at hand (100 M on a loaded 2-core machine): call ids
-- continue after the generated ones and every callee key gets the copy's suffix, so ids stay
-- unique, callees are distinct per copy and each copy's nth_call_30d stays right. Every rate of
-- the result equals the generated set's. params: $copy (1, 2, …), $n_base (calls generated),
-- $source_ingest (their ingest id), $ingest_id (the copies' ingest id).
INSERT INTO calls BY NAME
SELECT * REPLACE (
  'S' || lpad((CAST(substr(call_id, 2) AS BIGINT) + $copy::BIGINT * $n_base::BIGINT)::VARCHAR, 9, '0') AS call_id,
  callee_id || '~' || $copy::VARCHAR AS callee_id,
  $ingest_id::INTEGER AS ingest_id
)
FROM calls
WHERE ingest_id = $source_ingest::INTEGER;
