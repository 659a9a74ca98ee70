-- ingest_insert: stores the rows bucketed 'inserted' with their derived columns.
-- params: $ingest_id, $business_tz, $early_seconds, $ipad, $opad (BLOB: HMAC-SHA-256 key pads).
-- Phone-like callee ids are replaced by 'h:' + 96 bits of HMAC-SHA-256(key, digits); other
-- ids are opaque customer keys and kept. nth_call_30d counts this callee's dials in the 30 days
-- up to and including this one, over the stored calls and this file together.
INSERT INTO calls BY NAME
WITH fresh AS (
  SELECT
    v_call_id AS call_id, v_started AS started_at, v_answered AS answered_at, v_ended AS ended_at,
    -- An answered call without an answer time has no derivable ring time (not end - start).
    coalesce(v_ring, epoch(v_answered - v_started), CASE WHEN v_disposition <> 'answered' THEN epoch(v_ended - v_started) END) AS ring_seconds,
    CASE WHEN v_disposition <> 'answered' THEN coalesce(v_talk, 0)
         ELSE coalesce(v_talk, epoch(v_ended - v_answered)) END AS talk_seconds,
    v_disposition AS disposition, v_answered_by AS answered_by, v_hangup_by AS hangup_by,
    nullif(trim(hangup_cause), '') AS hangup_cause, nullif(trim(campaign), '') AS campaign,
    nullif(trim(script_id), '') AS script_id, nullif(trim(agent_id), '') AS agent_id,
    nullif(trim(caller_number), '') AS caller_number, lower(nullif(trim(number_tag), '')) AS number_tag,
    CASE WHEN regexp_full_match(trim(callee_id), '\+?[0-9][0-9 ()-]{5,24}')
         THEN 'h:' || left(sha256($opad::BLOB || unhex(sha256($ipad::BLOB || encode(
                regexp_replace(regexp_replace(trim(callee_id), '[^0-9]', '', 'g'), '^(0086|86)(1[0-9]{10})$', '\2'))))), 24)
         ELSE nullif(trim(callee_id), '') END AS callee_id,
    nullif(trim(segment), '') AS segment, nullif(trim(age_band), '') AS age_band,
    lower(nullif(trim(outcome), '')) AS outcome,
    timezone($business_tz::VARCHAR, v_started) AS local_ts,
    true AS is_new
  FROM checked WHERE bucket = 'inserted'
), both_sets AS (
  SELECT * FROM fresh
  UNION ALL BY NAME
  SELECT call_id, callee_id, started_at, false AS is_new FROM calls
  WHERE callee_id IN (SELECT callee_id FROM fresh)
)
SELECT * EXCLUDE (local_ts, is_new),
  CAST(local_ts AS DATE) AS local_date, hour(local_ts) AS hour, isodow(local_ts) AS weekday,
  disposition = 'answered' AS is_answered,
  disposition = 'answered' AND coalesce(hangup_by = 'callee', false) AS is_callee_hangup,
  disposition = 'answered' AND coalesce(hangup_by = 'callee', false) AND talk_seconds < $early_seconds::DOUBLE AS is_early_hangup,
  CASE WHEN callee_id IS NOT NULL THEN count(*) OVER (
    PARTITION BY callee_id ORDER BY started_at RANGE BETWEEN INTERVAL 30 DAYS PRECEDING AND CURRENT ROW) END::INTEGER
    AS nth_call_30d,
  $ingest_id::INTEGER AS ingest_id
FROM both_sets
QUALIFY is_new;
