-- format_fold_count: records in fold_notes(reason, rows) the rows that will not be calls of their
-- own: skipped rows by their reason, and rows merged by fold_key under $fold_reason (refused legs
-- included: a call is refused once, not once per leg).
INSERT INTO fold_notes
SELECT skip, count(*)::INTEGER FROM mapped WHERE skip IS NOT NULL GROUP BY skip
UNION ALL
SELECT $fold_reason, (count(*) - count(DISTINCT coalesce(fold_key, call_id)))::INTEGER
FROM mapped WHERE skip IS NULL
HAVING count(*) > count(DISTINCT coalesce(fold_key, call_id));
