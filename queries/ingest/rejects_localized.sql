-- rejects_localized: a rejects file (written by ingest_rejects or dim_rejects) again, with each
-- reason replaced by its translation in rejects_reason (en, zh; filled by the caller, one row per
-- distinct reason). Rows keep their order and every other cell stays as written (all text).
-- params: $source, the rejects file. The caller wraps it in COPY ... TO a path it builds itself.
SELECT f.* EXCLUDE (_n) REPLACE (coalesce(t.zh, f.reason) AS reason)
FROM (
  SELECT *, row_number() OVER () AS _n
  FROM read_csv($source, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')
) f
LEFT JOIN rejects_reason t ON t.en = f.reason
ORDER BY f._n
