-- format_header_csv: the header of a dialer CSV as read with the format's dialect (no rows).
-- params: $max_line, $buffer (reader limits: room for the longest line, integrity.ts), $path, $skip (lines above the header, e.g. a report title), $delim, $quote, $escape.
SELECT * FROM read_csv($path, header = true, skip = $skip::BIGINT, delim = $delim, quote = $quote, escape = $escape,
              max_line_size = $max_line::BIGINT, buffer_size = $buffer::BIGINT,
                       all_varchar = true, strict_mode = false, null_padding = true) LIMIT 0;
