-- ingest_counts: how many rows of the current file fell in each bucket (file_keys), and how many
-- 'inserted' rows repeat a call_id of the file (ingest_repeats turns them into duplicates).
-- Returns one row.
SELECT count(*)::INTEGER AS "rowsRead",
       count_if(bucket = 'inserted')::INTEGER AS inserted,
       count_if(bucket = 'duplicate')::INTEGER AS duplicates,
       count_if(bucket = 'rejected')::INTEGER AS rejected,
       count_if(bucket = 'inbound')::INTEGER AS inbound,
       (count_if(bucket = 'inserted') - count(DISTINCT call_id) FILTER (bucket = 'inserted'))::INTEGER AS repeats
FROM file_keys;
