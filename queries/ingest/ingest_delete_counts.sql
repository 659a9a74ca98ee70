-- ingest_delete_counts: what a deletion does, per other file that keeps calls alive.
-- No parameters; reads delete_members. Returns one row per keeping file (ingestId, fileName,
-- calls) plus one row with ingestId NULL for the calls deleted.
SELECT m.other AS "ingestId", any_value(l.file_name) AS "fileName", count(*)::INTEGER AS calls
FROM delete_members m LEFT JOIN ingest_log l ON l.ingest_id = m.other
GROUP BY m.other ORDER BY m.other NULLS FIRST;
