-- ingest_unknown_party: answered calls of one ingest whose hang-up party the source did not say.
-- params: $ingest_id. Returns one row: unknown.
SELECT count(*)::INTEGER AS unknown FROM calls WHERE ingest_id = $ingest_id::INTEGER AND is_answered AND hangup_by IS NULL;
