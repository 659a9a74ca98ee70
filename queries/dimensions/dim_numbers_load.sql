-- dim_numbers_load: stores caller-number tags (k = caller_number, a = number_tag, c = from-date;
-- no from-date = the tag has always applied). params: $ingest_id.
INSERT INTO dim_caller_numbers
SELECT k, coalesce(c_date, DATE '1970-01-01') AS from_date, lower(a), $ingest_id::INTEGER FROM dim_rows WHERE reason IS NULL
QUALIFY row_number() OVER (PARTITION BY k, coalesce(c_date, DATE '1970-01-01') ORDER BY rec_no DESC) = 1;
