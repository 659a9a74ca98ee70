-- rejects_reasons: the distinct reasons of a rejects file, to translate. params: $source, and its
-- dialect $delim, $quote and title lines $skip (as rejects_localized).
SELECT DISTINCT reason FROM read_csv($source, all_varchar = true, header = true, skip = $skip::BIGINT, delim = $delim, quote = $quote, escape = $quote)
WHERE reason IS NOT NULL
