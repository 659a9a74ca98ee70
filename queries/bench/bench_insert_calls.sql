-- bench_insert_calls: one batch of generated calls straight into `calls`, with the derived
-- columns filled the way ingest_insert.sql fills them (local time in the business timezone,
-- flags with T = $early_seconds, nth_call_30d from the generator's own callee history). The flags
-- slot is filled by sample-data/generate-sql.ts from server/semantic/measures.ts FLAGS, the one
-- definition ingest_insert.sql also follows. The rollups are rebuilt afterwards.
-- params: $seed, $c0, $c1, $n0, $n_total, $ipad, $opad, $business_tz, $early_seconds, $ingest_id.
INSERT INTO calls BY NAME
WITH g AS (
  SELECT *, to_timestamp(t) AS started_at FROM bench_dials($seed, $c0, $c1, $n0, $n_total, $ipad::BLOB, $opad::BLOB)
), typed AS (
  SELECT *, timezone($business_tz::VARCHAR, started_at) AS local_ts, talk::DOUBLE AS talk_seconds FROM g
)
SELECT
  'S' || lpad(n::VARCHAR, 9, '0') AS call_id, started_at,
  CASE WHEN disposition = 'answered' THEN to_timestamp(t + ring) END AS answered_at,
  to_timestamp(t + CASE WHEN disposition = 'answered' THEN ring + talk WHEN disposition = 'failed' THEN 1 ELSE ring END) AS ended_at,
  ring::DOUBLE AS ring_seconds, talk_seconds, disposition, answered_by, hangup_by, hangup_cause,
  campaign, script_id, agent_id, caller_number, number_tag, callee_id, segment, age_band, outcome,
  CAST(local_ts AS DATE) AS local_date, hour(local_ts) AS hour, isodow(local_ts) AS weekday,
  {{flags}},
  nth AS nth_call_30d, $ingest_id::INTEGER AS ingest_id
FROM typed;
