-- bench_ingest_floor: the least any ingest storing what `calls` stores must do for a canonical CSV,
-- as one INSERT straight from DuckDB's reader: every column, the callee phone HMAC (hashing is not
-- optional), local time, the stored flags. Nothing is checked, deduplicated or surveyed, and
-- nth_call_30d is left NULL: the bench sets this against read_csv and `hangup ingest`.
-- The flags slot is filled from server/semantic/measures.ts FLAGS (withStoredFlags).
-- params: $path, $ipad, $opad, $business_tz, $early_seconds, $ingest_id.
INSERT INTO calls BY NAME
WITH f AS (
  SELECT * REPLACE (coalesce(talk_seconds, 0) AS talk_seconds),
    timezone($business_tz::VARCHAR, started_at) AS local_ts
  FROM read_csv($path, header = true, columns = {
    'call_id': 'VARCHAR', 'started_at': 'TIMESTAMPTZ', 'answered_at': 'TIMESTAMPTZ', 'ended_at': 'TIMESTAMPTZ',
    'ring_seconds': 'DOUBLE', 'talk_seconds': 'DOUBLE', 'disposition': 'VARCHAR', 'answered_by': 'VARCHAR',
    'hangup_by': 'VARCHAR', 'hangup_cause': 'VARCHAR', 'campaign': 'VARCHAR', 'script_id': 'VARCHAR',
    'agent_id': 'VARCHAR', 'caller_number': 'VARCHAR', 'number_tag': 'VARCHAR', 'callee_id': 'VARCHAR',
    'segment': 'VARCHAR', 'age_band': 'VARCHAR', 'outcome': 'VARCHAR'})
)
SELECT * EXCLUDE (local_ts, callee_id),
  callee_key(callee_id, $ipad::BLOB, $opad::BLOB) AS callee_id,
  CAST(local_ts AS DATE) AS local_date, hour(local_ts) AS hour, isodow(local_ts) AS weekday,
  {{flags}},
  NULL::INTEGER AS nth_call_30d, $ingest_id::INTEGER AS ingest_id
FROM f;
