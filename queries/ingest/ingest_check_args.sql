-- ingest_check_args: what ingest_check needs besides the rows, kept in a one-row TEMP table (a view
-- takes no $parameters; ingest_check copies the row into the session variable ingest_check).
-- params: $business_tz, $ipad, $opad (BLOB: the HMAC pads of the callee key, callee-key.ts).
CREATE OR REPLACE TEMP TABLE ingest_check_args AS
SELECT $business_tz::VARCHAR AS business_tz, $ipad::BLOB AS ipad, $opad::BLOB AS opad;
