-- ingest_oversized: refuses the rows on lines holding a value over the field limit (found while
-- hashing, integrity.ts), one by one, naming the line; the file itself still loads. Runs on
-- {{table}} (staged for canonical files, mapped for dialer formats: the call is then refused once)
-- setting its {{reason}} column. params: $lines (BIGINT[]), $sizes (BIGINT[], bytes per line), $limit (bytes).
UPDATE {{table}} SET {{reason}} = 'line ' || line_no || ': a value of ' || $sizes[list_position($lines, line_no)]
    || ' bytes, over the ' || $limit::BIGINT || '-byte field limit'
WHERE list_contains($lines, line_no);
