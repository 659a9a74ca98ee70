-- dim_customer_attrs_load: every other column of a customers file, long form (name, value), so any
-- attribute becomes a breakdown dimension without a schema change.
-- params: $ingest_id, $ipad, $opad, $used (VARCHAR[]: header names already read as key/segment/age band).
INSERT OR REPLACE INTO dim_customer_attrs
SELECT callee_key(k, $ipad::BLOB, $opad::BLOB) AS callee_id, e.key AS name, blank_to_null(e.value ->> '$') AS value, $ingest_id::INTEGER
FROM dim_rows, json_each(rec) e
WHERE reason IS NULL AND NOT list_contains($used, e.key)
QUALIFY row_number() OVER (PARTITION BY callee_id, name ORDER BY rec_no DESC) = 1;
