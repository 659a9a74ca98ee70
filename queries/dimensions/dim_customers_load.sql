-- dim_customers_load: stores customers keyed like calls.callee_id (phones -> the keyed hash),
-- a = segment, b = age band; the newer file's row replaces a known customer.
-- params: $ingest_id, $ipad, $opad (BLOB key pads, see callee-key.ts).
INSERT OR REPLACE INTO dim_customers
SELECT callee_key(k, $ipad::BLOB, $opad::BLOB), a, b, $ingest_id::INTEGER FROM dim_rows WHERE reason IS NULL
QUALIFY row_number() OVER (PARTITION BY callee_key(k, $ipad::BLOB, $opad::BLOB) ORDER BY rec_no DESC) = 1;
