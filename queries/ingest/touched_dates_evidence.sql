-- touched_dates_evidence: the local dates of stored calls a Voice Insights file explained (their
-- hang-up party changed). params: $ingest_id.
CREATE OR REPLACE TEMP TABLE touched_dates AS
SELECT DISTINCT local_date FROM calls
WHERE call_id IN (SELECT call_sid FROM twilio_insights_summaries WHERE ingest_id = $ingest_id::INTEGER);
