-- ingest_delete_calls: removes the calls of a deleted file that no other loaded file holds.
-- No parameters; reads delete_members (ingest_delete_members).
DELETE FROM calls WHERE call_id IN (SELECT call_id FROM delete_members WHERE other IS NULL);
