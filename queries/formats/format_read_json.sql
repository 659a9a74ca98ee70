-- format_read_json: every JSON object of a file as one record. params: $path, $layout:
-- 'unstructured' accepts one object per line, pretty-printed objects, and objects concatenated
-- with no newline at all (Amazon Connect records delivered by Firehose to S3); 'array' reads the
-- elements of a top-level array (records collected into one document) as they stream, so an
-- array is not one JSON value held whole (DuckDB refuses one over 16 MB).
CREATE OR REPLACE TEMP TABLE raw AS
SELECT row_number() OVER () AS rec_no, row_number() OVER () AS line_no, json AS rec
FROM read_json_objects($path, format = $layout);
