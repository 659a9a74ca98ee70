-- ingest_check: types and validates every staged row and puts it in exactly one bucket:
-- 'rejected' (reason names each bad column), 'duplicate' (call_id repeated in the file or
-- already stored), or 'inserted'. Naive timestamps are read in the session TimeZone, which the
-- caller sets to the file's timezone.
CREATE OR REPLACE TEMP TABLE checked AS
WITH typed AS (
  SELECT *,
    nullif(trim(call_id), '')                          AS v_call_id,
    try_cast(trim(started_at) AS TIMESTAMPTZ)          AS v_started,
    try_cast(nullif(trim(answered_at), '') AS TIMESTAMPTZ) AS v_answered,
    try_cast(nullif(trim(ended_at), '') AS TIMESTAMPTZ)    AS v_ended,
    try_cast(nullif(trim(ring_seconds), '') AS DOUBLE) AS v_ring,
    try_cast(nullif(trim(talk_seconds), '') AS DOUBLE) AS v_talk,
    lower(trim(disposition))                           AS v_disposition,
    lower(nullif(trim(answered_by), ''))               AS v_answered_by,
    lower(nullif(trim(hangup_by), ''))                 AS v_hangup_by
  FROM staged
), judged AS (
  SELECT *, nullif(concat_ws('; ',
    parse_error,
    CASE WHEN parse_error IS NULL AND v_call_id IS NULL THEN 'call_id: missing' END,
    CASE WHEN parse_error IS NOT NULL THEN NULL
         WHEN nullif(trim(started_at), '') IS NULL THEN 'started_at: missing'
         WHEN v_started IS NULL THEN 'started_at: not a timestamp: "' || started_at || '"' END,
    CASE WHEN nullif(trim(answered_at), '') IS NOT NULL AND v_answered IS NULL
         THEN 'answered_at: not a timestamp: "' || answered_at || '"'
         WHEN v_answered < v_started THEN 'answered_at: before started_at' END,
    CASE WHEN nullif(trim(ended_at), '') IS NOT NULL AND v_ended IS NULL
         THEN 'ended_at: not a timestamp: "' || ended_at || '"'
         WHEN v_ended < v_started THEN 'ended_at: before started_at' END,
    CASE WHEN nullif(trim(ring_seconds), '') IS NOT NULL AND (v_ring IS NULL OR v_ring < 0 OR isinf(v_ring))
         THEN 'ring_seconds: not a non-negative number: "' || ring_seconds || '"' END,
    CASE WHEN nullif(trim(talk_seconds), '') IS NOT NULL AND (v_talk IS NULL OR v_talk < 0 OR isinf(v_talk))
         THEN 'talk_seconds: not a non-negative number: "' || talk_seconds || '"' END,
    CASE WHEN parse_error IS NOT NULL THEN NULL
         WHEN v_disposition IS NULL OR v_disposition = '' THEN 'disposition: missing'
         WHEN v_disposition NOT IN ('answered', 'no_answer', 'busy', 'rejected', 'failed')
         THEN 'disposition: unknown value "' || disposition || '"' END,
    CASE WHEN v_answered_by NOT IN ('human', 'machine') THEN 'answered_by: unknown value "' || answered_by || '"' END,
    CASE WHEN v_hangup_by NOT IN ('callee', 'agent', 'system') THEN 'hangup_by: unknown value "' || hangup_by || '"' END,
    CASE WHEN v_disposition = 'answered' AND nullif(trim(talk_seconds), '') IS NULL
          AND (v_answered IS NULL OR v_ended IS NULL)
         THEN 'talk_seconds: missing for an answered call (give talk_seconds, or answered_at and ended_at)' END
  ), '') AS reason
  FROM typed
-- Repeated ids are rare: find them with one hash aggregate, and order only those rows.
), repeated AS (
  SELECT v_call_id, min(line_no) AS first_line FROM judged WHERE reason IS NULL
  GROUP BY v_call_id HAVING count(*) > 1
)
SELECT j.*,
  CASE WHEN j.reason IS NOT NULL THEN 'rejected'
       WHEN r.first_line IS NOT NULL AND j.line_no > r.first_line THEN 'duplicate'
       WHEN j.v_call_id IN (SELECT call_id FROM calls) THEN 'duplicate'
       ELSE 'inserted' END AS bucket
FROM judged j LEFT JOIN repeated r ON j.reason IS NULL AND j.v_call_id = r.v_call_id;
