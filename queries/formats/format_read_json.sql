-- format_read_json: every JSON object of a file as one record. 'unstructured' accepts one
-- object per line, pretty-printed objects, and objects concatenated with no newline at all
-- (Amazon Connect records delivered by Firehose to S3). A top-level array (records collected
-- into one JSON document) gives one record per element. params: $path.
CREATE OR REPLACE TEMP TABLE raw AS
SELECT row_number() OVER () AS rec_no, row_number() OVER () AS line_no, rec
FROM (
  SELECT CASE WHEN json_type(json) = 'ARRAY' THEN json_extract(json, '$[*]') ELSE [json] END AS recs
  FROM read_json_objects($path, format = 'unstructured')
), unnest(recs) AS t(rec);
