-- ingest_delete_scope: the callees whose nth_call_30d a deletion changes. params: $ingest_id.
CREATE OR REPLACE TEMP TABLE deleted_callees AS
SELECT DISTINCT callee_id FROM calls WHERE ingest_id = $ingest_id::INTEGER AND callee_id IS NOT NULL;
