-- twilio_insights_matched: how many stored calls the summaries of one Insights file match. params: $ingest_id.
SELECT count(*)::INTEGER AS matched FROM calls WHERE call_id IN (SELECT call_sid FROM twilio_insights_summaries WHERE ingest_id = $ingest_id::INTEGER);
