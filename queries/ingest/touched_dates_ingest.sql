-- touched_dates_ingest: the local dates whose calls a CDR ingest changed (rollups to refresh): the
-- dates it brought calls to, and the later dates where its callees' stored calls got a new
-- nth_call_30d (a call counts in the 30 days after it; 31 local days cover any timezone).
-- params: $ingest_id.
CREATE OR REPLACE TEMP TABLE touched_dates AS
SELECT local_date FROM ingest_dates WHERE ingest_id = $ingest_id::INTEGER
UNION
SELECT DISTINCT c.local_date
FROM calls c
JOIN (SELECT callee_id, min(local_date) AS first_date, max(local_date) AS last_date
      FROM calls WHERE ingest_id = $ingest_id::INTEGER AND callee_id IS NOT NULL GROUP BY callee_id) n
  ON c.callee_id = n.callee_id AND c.local_date BETWEEN n.first_date AND n.last_date + 31
WHERE c.ingest_id <> $ingest_id::INTEGER;
