-- ingest_dates_reassigned: the dates of the calls a deletion handed to another file (ingest_delete_reassign)
-- join that file's date index, so deleting it later refreshes their rollups too. No parameters.
INSERT INTO ingest_dates
SELECT DISTINCT c.ingest_id, c.local_date FROM calls c JOIN delete_members m ON m.call_id = c.call_id AND m.other = c.ingest_id
EXCEPT SELECT ingest_id, local_date FROM ingest_dates;
