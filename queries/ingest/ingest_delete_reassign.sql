-- ingest_delete_reassign: the calls a deleted file inserted that another loaded file also holds
-- now belong to that file (so deleting it later removes them). params: $ingest_id.
UPDATE calls SET ingest_id = m.other
FROM delete_members m
WHERE calls.call_id = m.call_id AND calls.ingest_id = $ingest_id::INTEGER AND m.other IS NOT NULL;
