-- dim_stage: the rows of a dimension file (read by format_read_csv into raw) as key k and
-- attributes a, b, c picked by rules (format_macros.sql), each with the reason it is refused, if any
-- (reason: the text the rejects file writes; reason_code: key, tag or date, what the message counts).
-- params: $paths (VARCHAR[]), $k, $a, $b, $c (rule STRUCTs indexing into $paths), $require_a (the file is useless without a: number_tag),
--         $c_is_date (c is a from-date: caller numbers).
CREATE OR REPLACE TEMP TABLE dim_rows AS
WITH v AS (
  SELECT rec_no, line_no, rec, json_extract_string(rec, $paths) AS vals FROM raw
), p AS (
  SELECT rec_no, line_no, rec, pick(vals, $k) AS k, pick(vals, $a) AS a, pick(vals, $b) AS b, pick(vals, $c) AS c FROM v
), d AS (
  SELECT *, CASE WHEN $c_is_date THEN coalesce(try_cast(c AS DATE), try_strptime(c, ['%Y/%m/%d', '%Y%m%d', '%d.%m.%Y'])::DATE) END AS c_date
  FROM p
), coded AS (
  SELECT *,
    CASE WHEN k IS NULL THEN 'key'
         WHEN $require_a AND a IS NULL THEN 'tag'
         WHEN $c_is_date AND c IS NOT NULL AND c_date IS NULL THEN 'date' END AS reason_code
  FROM d
)
SELECT *,
  CASE reason_code WHEN 'key' THEN 'key column missing or empty'
                   WHEN 'tag' THEN 'number_tag missing'
                   WHEN 'date' THEN 'from_date: not a date: "' || c || '"' END AS reason
FROM coded;
