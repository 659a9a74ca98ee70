-- ingest_dates_forget: drops a deleted ingest from the ingest -> dates index. params: $ingest_id.
DELETE FROM ingest_dates WHERE ingest_id = $ingest_id::INTEGER;
