-- ingest_insert: stores the rows bucketed 'inserted' (in file_keys) with their derived columns.
-- params: $ingest_id, $early_seconds. The callee key and bucket come from file_keys (ingest_keys.sql),
-- so a view `checked` over the file is not judged or hashed a second time; rows are matched by
-- call id and line (lines are unnumbered on the direct path, where call ids are unique).
-- The flags are server/semantic/measures.ts FLAGS (test/queries/semantic.test.ts checks the text)
-- with T = the early seconds the stored flags use (meta early_seconds, else $early_seconds), so
-- every stored row agrees with the rollups built from them.
-- nth_call_30d counts this callee's dials in the 30 days up to and including this one, here over
-- this file's calls (a window over the narrow keys, not the whole rows); ingest_renumber then
-- recounts the callees that also have stored calls, so a file of new callees never reads them.
INSERT INTO calls BY NAME
WITH keys AS (
  SELECT call_id, line_no, callee_id, count(*) OVER (
    PARTITION BY callee_id ORDER BY started_at RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW) AS n
  FROM file_keys WHERE bucket = 'inserted'
), fresh AS (
  SELECT
    v_call_id AS call_id, started_at, answered_at, ended_at, c_ring_seconds AS ring_seconds,
    c_talk_seconds AS talk_seconds, v_disposition AS disposition, v_answered_by AS answered_by,
    v_hangup_by AS hangup_by, nullif(trim(hangup_cause), '') AS hangup_cause,
    nullif(trim(campaign), '') AS campaign, nullif(trim(script_id), '') AS script_id,
    nullif(trim(agent_id), '') AS agent_id, nullif(trim(caller_number), '') AS caller_number,
    lower(nullif(trim(number_tag), '')) AS number_tag, k.callee_id,
    nullif(trim(segment), '') AS segment, nullif(trim(age_band), '') AS age_band,
    lower(nullif(trim(outcome), '')) AS outcome, c_local_ts AS local_ts, k.n
  FROM checked c JOIN keys k ON c.v_call_id = k.call_id AND c.line_no IS NOT DISTINCT FROM k.line_no
), setting AS (
  SELECT coalesce((SELECT TRY_CAST(value AS DOUBLE) FROM meta WHERE key = 'early_seconds'), $early_seconds::DOUBLE) AS early_t
)
SELECT * EXCLUDE (local_ts, early_t, n),
  CAST(local_ts AS DATE) AS local_date, hour(local_ts) AS hour, isodow(local_ts) AS weekday,
  disposition = 'answered' AS is_answered,
  disposition = 'rejected' AS is_rejected,
  disposition = 'answered' AND coalesce(outcome = 'converted', false) AS is_converted,
  disposition = 'answered' AND coalesce(answered_by = 'machine', false) AS is_machine,
  disposition = 'answered' AND hangup_by IS NOT NULL AS is_known_party,
  disposition = 'answered' AND coalesce(hangup_by = 'callee', false) AS is_callee_hangup,
  disposition = 'answered' AND coalesce(hangup_by = 'callee', false) AND talk_seconds < early_t AS is_early_hangup,
  disposition = 'answered' AND talk_seconds < early_t AS is_short,
  CASE WHEN callee_id IS NOT NULL THEN n END::INTEGER AS nth_call_30d,
  $ingest_id::INTEGER AS ingest_id
FROM fresh, setting;
