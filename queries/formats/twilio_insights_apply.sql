-- twilio_insights_apply: re-derives the hang-up flags of stored calls that a Voice Insights file just
-- explained. params: $ingest_id, $early_seconds. Returns nothing; see twilio_insights_matched for the count.
UPDATE calls SET
  hangup_by = i.hangup_by,
  ring_seconds = coalesce(calls.ring_seconds, i.ring_seconds),
  is_callee_hangup = calls.is_answered AND coalesce(i.hangup_by = 'callee', false),
  is_early_hangup = calls.is_answered AND coalesce(i.hangup_by = 'callee', false) AND calls.talk_seconds < $early_seconds::DOUBLE
FROM twilio_insights_summaries i
WHERE i.call_sid = calls.call_id AND i.ingest_id = $ingest_id::INTEGER;
