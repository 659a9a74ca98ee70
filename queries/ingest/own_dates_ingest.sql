-- own_dates_ingest: the local dates one CDR ingest brought calls to (their rollup rows are
-- merged after the file's aggregate is appended). params: $ingest_id.
CREATE OR REPLACE TEMP TABLE own_dates AS
SELECT local_date FROM ingest_dates WHERE ingest_id = $ingest_id::INTEGER;
