-- calls_keep_cdr_tag: remembers the number tag each call of one ingest came with, before
-- caller-number files re-derive it. params: $ingest_id.
UPDATE calls SET number_tag_cdr = number_tag WHERE ingest_id = $ingest_id::INTEGER;
