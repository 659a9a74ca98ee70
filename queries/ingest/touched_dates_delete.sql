-- touched_dates_delete: the local dates a deleted ingest's calls were on, and the 31 days after
-- its last one (stored calls of its callees there got a new nth_call_30d). params: $ingest_id.
CREATE OR REPLACE TEMP TABLE touched_dates AS
SELECT DISTINCT c.local_date FROM calls c, (
  SELECT min(local_date) AS first_date, max(local_date) AS last_date FROM ingest_dates WHERE ingest_id = $ingest_id::INTEGER
) d
WHERE c.local_date BETWEEN d.first_date AND d.last_date + 31
UNION
SELECT local_date FROM ingest_dates WHERE ingest_id = $ingest_id::INTEGER;
