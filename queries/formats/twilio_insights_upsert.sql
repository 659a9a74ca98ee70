-- twilio_insights_upsert: stores Twilio Voice Insights call summaries (one per CallSid, the last in the
-- file wins) as hang-up evidence. properties.disconnected_by: callee -> callee, caller -> agent
-- (our side of an outbound-api call); anything else stays unknown. Ring = duration - connect_duration.
-- params: $ingest_id. Reads the temp table raw (rec JSON).
INSERT OR REPLACE INTO twilio_insights_summaries
SELECT call_sid, hangup_by, ring_seconds, call_state, $ingest_id::INTEGER AS ingest_id
FROM (
  SELECT rec ->> 'call_sid' AS call_sid,
    CASE lower(rec -> 'properties' ->> 'disconnected_by') WHEN 'callee' THEN 'callee' WHEN 'caller' THEN 'agent' END AS hangup_by,
    CASE WHEN try_cast(rec ->> 'connect_duration' AS DOUBLE) IS NOT NULL
         THEN greatest(try_cast(rec ->> 'duration' AS DOUBLE) - try_cast(rec ->> 'connect_duration' AS DOUBLE), 0) END AS ring_seconds,
    rec ->> 'call_state' AS call_state, rec_no
  FROM raw WHERE nullif(rec ->> 'call_sid', '') IS NOT NULL
)
QUALIFY row_number() OVER (PARTITION BY call_sid ORDER BY rec_no DESC) = 1;
