-- touched_dates_delete: the local dates a deleted ingest's calls were on (rollups to refresh).
-- params: $ingest_id.
CREATE OR REPLACE TEMP TABLE touched_dates AS
SELECT DISTINCT local_date FROM ingest_dates WHERE ingest_id = $ingest_id::INTEGER;
