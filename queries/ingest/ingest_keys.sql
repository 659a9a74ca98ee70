-- ingest_keys: file_keys, one narrow row per row of `checked` (call id, line, bucket, callee key,
-- start), so counting, repeats, nth_call_30d and call_files read a few columns instead of the file.
-- A call_id already stored makes the row a 'duplicate'. On the direct path `checked` is a view:
-- this is the one scan that judges every row and hashes the callee phones. No parameters.
CREATE OR REPLACE TEMP TABLE file_keys AS
SELECT v_call_id AS call_id, line_no,
  CASE WHEN bucket = 'inserted' AND v_call_id IN (SELECT call_id FROM calls) THEN 'duplicate' ELSE bucket END AS bucket,
  c_callee_id AS callee_id, started_at
FROM checked;
