-- ingest_delete_scope: the callees whose nth_call_30d a deletion changes (those of the calls no
-- other file holds). No parameters; reads delete_members (ingest_delete_members).
CREATE OR REPLACE TEMP TABLE deleted_callees AS
SELECT DISTINCT callee_id FROM calls
WHERE call_id IN (SELECT call_id FROM delete_members WHERE other IS NULL) AND callee_id IS NOT NULL;
