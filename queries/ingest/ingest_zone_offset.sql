-- ingest_zone_offset: the UTC offset (seconds) of timezone $zone at the naive time $at, to compare
-- a zone the user gave with the offset a file states. Returns one row: offsetSeconds.
SELECT (epoch($at::TIMESTAMP) - epoch(timezone($zone::VARCHAR, $at::TIMESTAMP)))::INTEGER AS "offsetSeconds";
