-- bench_export_csv: generated calls as a canonical CSV file, byte for byte the layout of
-- sample-data/generate.ts (ISO 8601 with +08:00, empty fields for absent values: NULLs), for the
-- ingest benchmark. Call ids start with $prefix so a file can be loaded beside generated calls.
-- params: $seed, $c0, $c1, $n_total, $prefix, $path.
COPY (
  WITH g AS (SELECT * FROM bench_dials($seed, $c0, $c1, 0, $n_total, NULL::BLOB, NULL::BLOB)),
  iso AS (
    SELECT *, strftime(make_timestamp((t + 8 * 3600) * 1000000), '%Y-%m-%dT%H:%M:%S+08:00') AS started,
      strftime(make_timestamp((t + 8 * 3600 + ring) * 1000000), '%Y-%m-%dT%H:%M:%S+08:00') AS answered,
      strftime(make_timestamp((t + 8 * 3600 + CASE WHEN disposition = 'answered' THEN ring + talk
        WHEN disposition = 'failed' THEN 1 ELSE ring END) * 1000000), '%Y-%m-%dT%H:%M:%S+08:00') AS ended
    FROM g
  )
  SELECT $prefix || lpad(n::VARCHAR, 9, '0') AS call_id, started AS started_at,
    CASE WHEN disposition = 'answered' THEN answered END AS answered_at, ended AS ended_at,
    ring AS ring_seconds, talk AS talk_seconds, disposition, answered_by,
    hangup_by, hangup_cause, campaign, script_id, agent_id, caller_number, number_tag,
    callee_id, segment, age_band, outcome
  FROM iso ORDER BY n
) TO $path (FORMAT csv, HEADER true);  -- NULL is written as an empty field
