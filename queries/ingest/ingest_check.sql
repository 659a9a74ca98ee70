-- ingest_check: validates every staged row and puts it in one bucket: 'inbound' (not a dial:
-- counted, never stored), 'rejected' (reason names each bad column) or 'inserted' (ingest_keys then
-- makes a call_id already stored a 'duplicate', ingest_repeats one repeated in the file: the
-- stored ids are read once, not by each step that reads this). No parameters: the business timezone and the HMAC pads
-- come from ingest_check_args (a view cannot hold $parameters). A line the reader could not split
-- comes with its parse_error; timestamps and durations are cast here from the text every reader
-- stages (each value that does not cast is named), naive times in the session TimeZone (the file's zone).
-- {{relation}}: table (a scratch copy, for files with rejects) or view (the direct path: the
-- file's rows are judged as they stream from the reader into calls, ingest-direct.ts).
SET VARIABLE ingest_check = (SELECT {'business_tz': business_tz, 'ipad': ipad, 'opad': opad} FROM ingest_check_args);
CREATE TEMP {{relation}} checked AS
WITH typed AS (
  -- The text as the file wrote it stays beside each typed value (the rejects file writes it back).
  SELECT * EXCLUDE (started_at, answered_at, ended_at, ring_seconds, talk_seconds),
    started_at AS started_at_text, answered_at AS answered_at_text, ended_at AS ended_at_text,
    ring_seconds AS ring_seconds_text, talk_seconds AS talk_seconds_text,
    try_cast(trim(started_at) AS TIMESTAMPTZ)                AS started_at,
    try_cast(nullif(trim(answered_at), '') AS TIMESTAMPTZ)   AS answered_at,
    try_cast(nullif(trim(ended_at), '') AS TIMESTAMPTZ)      AS ended_at,
    try_cast(nullif(trim(ring_seconds), '') AS DOUBLE)       AS ring_seconds,
    try_cast(nullif(trim(talk_seconds), '') AS DOUBLE)       AS talk_seconds
  FROM staged
), judged AS (
  SELECT *,
    nullif(trim(call_id), '')              AS v_call_id,
    lower(trim(disposition))               AS v_disposition,
    lower(nullif(trim(answered_by), ''))   AS v_answered_by,
    lower(nullif(trim(hangup_by), ''))     AS v_hangup_by,
    lower(nullif(trim(direction), ''))     AS v_direction,
    CASE WHEN parse_error IS NOT NULL THEN parse_error ELSE nullif(concat_ws('; ',
      CASE WHEN nullif(trim(call_id), '') IS NULL THEN 'call_id: missing' END,
      CASE WHEN nullif(trim(started_at_text), '') IS NULL THEN 'started_at: missing'
           WHEN started_at IS NULL THEN 'started_at: not a timestamp: "' || started_at_text || '"' END,
      CASE WHEN nullif(trim(answered_at_text), '') IS NOT NULL AND answered_at IS NULL
           THEN 'answered_at: not a timestamp: "' || answered_at_text || '"'
           WHEN answered_at < started_at THEN 'answered_at: before started_at' END,
      CASE WHEN nullif(trim(ended_at_text), '') IS NOT NULL AND ended_at IS NULL
           THEN 'ended_at: not a timestamp: "' || ended_at_text || '"'
           WHEN ended_at < started_at THEN 'ended_at: before started_at' END,
      CASE WHEN nullif(trim(ring_seconds_text), '') IS NOT NULL AND ring_seconds IS NULL
           THEN 'ring_seconds: not a number: "' || ring_seconds_text || '"'
           WHEN ring_seconds < 0 OR isinf(ring_seconds) OR isnan(ring_seconds)
           THEN 'ring_seconds: not a non-negative number: "' || ring_seconds_text || '"' END,
      CASE WHEN nullif(trim(talk_seconds_text), '') IS NOT NULL AND talk_seconds IS NULL
           THEN 'talk_seconds: not a number: "' || talk_seconds_text || '"'
           WHEN talk_seconds < 0 OR isinf(talk_seconds) OR isnan(talk_seconds)
           THEN 'talk_seconds: not a non-negative number: "' || talk_seconds_text || '"' END,
      CASE WHEN nullif(trim(disposition), '') IS NULL THEN 'disposition: missing'
           WHEN NOT list_contains(['answered', 'no_answer', 'busy', 'rejected', 'failed'], lower(trim(disposition)))
           THEN 'disposition: unknown value "' || disposition || '"' END,
      CASE WHEN NOT list_contains(['human', 'machine'], lower(nullif(trim(answered_by), '')))
           THEN 'answered_by: unknown value "' || answered_by || '"' END,
      CASE WHEN NOT list_contains(['callee', 'agent', 'system'], lower(nullif(trim(hangup_by), '')))
           THEN 'hangup_by: unknown value "' || hangup_by || '"' END,
      CASE WHEN NOT list_contains(['inbound', 'outbound'], lower(nullif(trim(direction), '')))
           THEN 'direction: unknown value "' || direction || '" (inbound or outbound)' END,
      CASE WHEN lower(trim(disposition)) = 'answered' AND nullif(trim(talk_seconds_text), '') IS NULL
                AND (answered_at IS NULL OR ended_at IS NULL)
           THEN 'talk_seconds: missing for an answered call (give talk_seconds, or answered_at and ended_at)' END
    ), '') END AS reason
  FROM typed
)
-- Cleaned values of the rows that pass, computed in the same pass (one copy of the file, not two).
-- The callee key (callee_key in format_macros.sql: phone numbers in any spelling hashed) is
-- computed for refused rows too: the rejects file writes it, never the number. An inbound call
-- is counted apart whatever else is wrong with it: it is never a dial, never stored or written.
SELECT *,
  CASE WHEN v_direction = 'inbound' THEN 'inbound'
       WHEN reason IS NOT NULL THEN 'rejected'
       ELSE 'inserted' END AS bucket,
  -- The c_ values matter for the rows that pass only (ingest_insert), so they do not wait on the
  -- reason: storing the rows file_keys bucketed would otherwise judge every row a second time.
  -- An answered call with no answer time has no derivable ring time (end - start would include talk).
  coalesce(ring_seconds, epoch(answered_at - started_at),
    CASE WHEN v_disposition <> 'answered' THEN epoch(ended_at - started_at) END) AS c_ring_seconds,
  CASE WHEN v_disposition <> 'answered' THEN coalesce(talk_seconds, 0)
       ELSE coalesce(talk_seconds, epoch(ended_at - answered_at)) END AS c_talk_seconds,
  CASE WHEN v_direction IS DISTINCT FROM 'inbound' THEN callee_key(callee_id, getvariable('ingest_check').ipad, getvariable('ingest_check').opad) END AS c_callee_id,
  timezone(getvariable('ingest_check').business_tz, started_at) AS c_local_ts
FROM judged;
