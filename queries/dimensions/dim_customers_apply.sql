-- dim_customers_apply: re-derives calls.segment and age_band from the customers table (a value in
-- the customers file beats the CDR's). params: $ingest_id (NULL = all calls of known customers).
UPDATE calls SET segment = coalesce(d.segment, calls.segment), age_band = coalesce(d.age_band, calls.age_band)
FROM dim_customers d
WHERE d.callee_id = calls.callee_id
  AND ($ingest_id::INTEGER IS NULL OR calls.ingest_id = $ingest_id::INTEGER)
  AND (calls.segment IS DISTINCT FROM coalesce(d.segment, calls.segment) OR calls.age_band IS DISTINCT FROM coalesce(d.age_band, calls.age_band));
