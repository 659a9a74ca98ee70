-- ingest_repeats: a call_id repeated inside one file is a duplicate from its second valid row on.
-- Repeats are rare, so this touches few rows of the `checked` scratch table.
UPDATE checked SET bucket = 'duplicate'
FROM (
  SELECT v_call_id, min(line_no) AS first_line FROM checked WHERE bucket = 'inserted'
  GROUP BY v_call_id HAVING count(*) > 1
) r
WHERE checked.bucket = 'inserted' AND checked.v_call_id = r.v_call_id AND checked.line_no > r.first_line;
