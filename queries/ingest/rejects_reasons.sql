-- rejects_reasons: the distinct reasons of a rejects file, to translate. params: $source.
SELECT DISTINCT reason FROM read_csv($source, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')
WHERE reason IS NOT NULL
