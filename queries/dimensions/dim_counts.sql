-- dim_counts: accounting of a dimension file: rows, refused rows, and how many distinct keys it
-- stores (a key repeated in the file is a duplicate; the last one wins). params: $with_c (the key
-- includes c, the from-date of caller numbers). Returns one row: rowsRead, rejected, stored, and the
-- refused rows by reason (dim_stage.sql reason_code) with one bad from-date as an example.
SELECT count(*)::INTEGER AS "rowsRead",
       count(reason)::INTEGER AS rejected,
       count(DISTINCT CASE WHEN reason IS NULL THEN CASE WHEN $with_c::BOOLEAN THEN k || '|' || coalesce(CAST(c_date AS VARCHAR), '') ELSE k END END)::INTEGER AS stored,
       count_if(reason_code = 'key')::INTEGER AS "keyMissing",
       count_if(reason_code = 'tag')::INTEGER AS "tagMissing",
       count_if(reason_code = 'date')::INTEGER AS "badDates",
       left(min(CASE WHEN reason_code = 'date' THEN c END), 40) AS "badDateExample"
FROM dim_rows;
