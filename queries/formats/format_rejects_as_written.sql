-- format_rejects_as_written: the rejects file of a dialer CSV (rejects.ts), as lines of text the
-- caller COPYs unquoted, so that a data team can fix it in a spreadsheet and drop it in again as
-- the same format: the lines above the header as the source had them ($title, numbers masked),
-- the header ($names: the file's columns as the reader named them, or a headerless format's
-- layout), then every source row of each refused call, by line: all the rows folded into it (A
-- and B legs, child legs, repeats of its id), each with the values the reader read (text, never
-- converted), then its `line` and the call's `reason`. A line the reader could not split is
-- written whole in the first column (numbers masked), the others empty.
-- Cells are capped and made inert (reject_cell) and written in the source's dialect (csv_cell);
-- the columns the callee rule reads ($keyed) hold the callee key, as in calls (dropped in again,
-- the same key). The reason cell, and `reason` in the header, are always quoted where the dialect
-- quotes: the header then tells the dialect of the file (rejects-localized.ts reads it so).
-- params: $title VARCHAR[], $names VARCHAR[], $keyed BOOLEAN[] (one per name), $delim, $quote ('' = none).
-- Reads checked (the refused calls), mapped (their rows, rec_no and fold group) and the HMAC pads of ingest_check.
WITH refused AS (
  SELECT coalesce(m.fold_key, m.call_id) AS g, c.reason
  FROM checked c JOIN mapped m ON m.rec_no = c.rec_no
  WHERE c.bucket = 'rejected'
), body AS (
  SELECT m.line_no, r.reason,
    array_to_string(list_transform(json_extract_string(m.raw_line, '$.*')[1:len($names)], (v, i) -> csv_cell(reject_cell(
      CASE WHEN $keyed[i] THEN callee_key(v, getvariable('ingest_check').ipad, getvariable('ingest_check').opad) ELSE v END
    ), $delim, $quote)), $delim) AS cells
  FROM mapped m JOIN refused r ON coalesce(m.fold_key, m.call_id) = r.g
  WHERE m.skip IS NULL
  UNION ALL
  SELECT line_no, reason, csv_cell(reject_cell(mask_phones(raw_line)), $delim, $quote) || repeat($delim, len($names) - 1)
  FROM checked WHERE bucket = 'rejected' AND rec_no IS NULL
), quoted AS (
  SELECT line_no, cells, CASE WHEN $quote = '' THEN csv_cell(reject_cell(reason), $delim, $quote)
                              ELSE $quote || replace(reject_cell(reason), $quote, $quote || $quote) || $quote END AS reason
  FROM body
)
SELECT text FROM (
  SELECT 0 AS part, i AS n, mask_phones($title[i]) AS text FROM range(1, len($title) + 1) t(i)
  UNION ALL
  SELECT 1, 0, array_to_string(list_transform($names, x -> csv_cell(reject_cell(x), $delim, $quote)), $delim)
    || $delim || 'line' || $delim || $quote || 'reason' || $quote
  UNION ALL
  SELECT 2, line_no, cells || $delim || line_no || $delim || reason FROM quoted
) ORDER BY part, n
