-- dim_numbers_keep_cdr_tag: before caller-number tags are first applied to a number, remember the
-- tag its calls came with (databases older than number_tag_cdr). No parameters.
UPDATE calls SET number_tag_cdr = number_tag
WHERE number_tag_cdr IS NULL AND number_tag IS NOT NULL
  AND caller_number NOT IN (SELECT caller_number FROM dim_caller_numbers);
