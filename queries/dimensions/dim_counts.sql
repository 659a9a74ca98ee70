-- dim_counts: accounting of a dimension file: rows, refused rows, and how many distinct keys it
-- stores (a key repeated in the file is a duplicate; the last one wins). params: $with_c (the key
-- includes c, the from-date of caller numbers). Returns one row: rowsRead, rejected, stored, reasons.
SELECT count(*)::INTEGER AS "rowsRead",
       count(reason)::INTEGER AS rejected,
       count(DISTINCT CASE WHEN reason IS NULL THEN CASE WHEN $with_c::BOOLEAN THEN k || '|' || coalesce(CAST(c_date AS VARCHAR), '') ELSE k END END)::INTEGER AS stored,
       string_agg(DISTINCT reason, '; ') AS reasons
FROM dim_rows;
