-- touched_dates_dimension: the local dates of calls whose segment, age band or number tag a
-- customers or caller-numbers file re-derived. params: $ingest_id.
CREATE OR REPLACE TEMP TABLE touched_dates AS
SELECT DISTINCT local_date FROM calls
WHERE callee_id IN (SELECT callee_id FROM dim_customers WHERE ingest_id = $ingest_id::INTEGER)
   OR caller_number IN (SELECT caller_number FROM dim_caller_numbers WHERE ingest_id = $ingest_id::INTEGER);
