-- dim_numbers_apply: re-derives calls.number_tag from caller-number tags: the tag of the latest
-- from-date on or before the call's local date, else the tag the CDR carried. Stored (not joined
-- per query) so every metric query keeps filtering one column. params: $ingest_id (NULL = every
-- call of a tagged number, after a numbers file; else only the calls of that ingest).
UPDATE calls SET number_tag = t.tag
FROM (
  SELECT c.call_id, coalesce(d.number_tag, c.number_tag_cdr) AS tag
  FROM (SELECT call_id, caller_number, local_date, number_tag_cdr FROM calls
        WHERE ($ingest_id::INTEGER IS NULL OR ingest_id = $ingest_id::INTEGER)
          AND caller_number IN (SELECT caller_number FROM dim_caller_numbers)) c
  ASOF LEFT JOIN dim_caller_numbers d ON c.caller_number = d.caller_number AND c.local_date >= d.from_date
) t
WHERE calls.call_id = t.call_id AND calls.number_tag IS DISTINCT FROM t.tag;
