-- format_fold_notes: rows that were not calls of their own, by reason. Returns rows: reason, rows.
SELECT reason, sum(rows)::INTEGER AS rows FROM fold_notes GROUP BY reason ORDER BY reason;
