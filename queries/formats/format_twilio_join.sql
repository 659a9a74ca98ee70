-- format_twilio_join: fills the hang-up party (and ring time) of staged (staged_text) Twilio calls from Voice
-- Insights summaries loaded earlier (twilio_insights_summaries), matched on the parent CallSid. No parameters.
UPDATE staged_text SET hangup_by = coalesce(staged_text.hangup_by, i.hangup_by),
                  ring_seconds = coalesce(staged_text.ring_seconds, CAST(i.ring_seconds AS VARCHAR))
FROM twilio_insights_summaries i
WHERE i.call_sid = staged_text.call_id AND staged_text.parse_error IS NULL;
