-- calls_keep_cdr_tag: remembers the number tag each call of one ingest came with, before
-- caller-number tags re-derive it. Only numbers with tags need it (calls of other numbers keep
-- number_tag as the CDR's; dim_numbers_keep_cdr_tag covers them when their number gets tags),
-- so a big CDR file with no numbers files costs nothing here. params: $ingest_id.
UPDATE calls SET number_tag_cdr = number_tag
WHERE ingest_id = $ingest_id::INTEGER AND caller_number IN (SELECT caller_number FROM dim_caller_numbers);
