-- ingest_repeats: a call_id repeated inside one file is a duplicate from its second valid row on.
-- Repeats are rare, so this touches few rows of the file_keys scratch table (ingest_keys.sql).
UPDATE file_keys SET bucket = 'duplicate'
FROM (
  SELECT call_id, min(line_no) AS first_line FROM file_keys WHERE bucket = 'inserted'
  GROUP BY call_id HAVING count(*) > 1
) r
WHERE file_keys.bucket = 'inserted' AND file_keys.call_id = r.call_id AND file_keys.line_no > r.first_line;
