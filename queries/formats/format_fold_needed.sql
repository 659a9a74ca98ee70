-- format_fold_needed: whether any two live rows of `mapped` share a fold group (then format_fold
-- ranks them; otherwise format_fold_single copies rows straight). Returns one row: merging.
SELECT count(*) > count(DISTINCT coalesce(fold_key, call_id)) AS merging FROM mapped WHERE skip IS NULL;
