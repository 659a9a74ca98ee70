-- format_twilio_join: fills the hang-up party (and ring time) of staged Twilio calls from Voice
-- Insights summaries loaded earlier (twilio_insights), matched on the parent CallSid. No parameters.
UPDATE staged SET hangup_by = coalesce(staged.hangup_by, i.hangup_by),
                  ring_seconds = coalesce(staged.ring_seconds, CAST(i.ring_seconds AS VARCHAR))
FROM twilio_insights i
WHERE i.call_sid = staged.call_id AND staged.parse_error IS NULL;
