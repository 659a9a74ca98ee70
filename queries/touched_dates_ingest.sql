-- touched_dates_ingest: the local dates a CDR ingest brought calls to (rollups to refresh).
-- params: $ingest_id.
CREATE OR REPLACE TEMP TABLE touched_dates AS
SELECT local_date FROM ingest_dates WHERE ingest_id = $ingest_id::INTEGER;
