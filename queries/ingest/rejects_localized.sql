-- rejects_localized: a rejects file (written by ingest_rejects, dim_rejects or
-- format_rejects_as_written) again, with each reason replaced by its translation in rejects_reason
-- (en, zh; filled by the caller, one row per distinct reason). Rows keep their order and every
-- other cell stays as written (all text). params: $source, the rejects file; $delim and $quote,
-- its dialect (a dialer CSV's rejects keep the source's: rejects-localized.ts reads it from the
-- header), $skip, the title lines above its header. The caller wraps it in COPY ... TO a path it
-- builds itself, in the same dialect, and puts the title lines back above it.
SELECT f.* EXCLUDE (_n) REPLACE (coalesce(t.zh, f.reason) AS reason)
FROM (
  SELECT *, row_number() OVER () AS _n
  FROM read_csv($source, all_varchar = true, header = true, skip = $skip::BIGINT, delim = $delim, quote = $quote, escape = $quote)
) f
LEFT JOIN rejects_reason t ON t.en = f.reason
ORDER BY f._n
