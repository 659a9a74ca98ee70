-- ingest_counts: how many rows of the current file fell in each bucket. Returns one row.
SELECT count(*)::INTEGER AS "rowsRead",
       count_if(bucket = 'inserted')::INTEGER AS inserted,
       count_if(bucket = 'duplicate')::INTEGER AS duplicates,
       count_if(bucket = 'rejected')::INTEGER AS rejected,
       count_if(bucket = 'inbound')::INTEGER AS inbound
FROM checked;
