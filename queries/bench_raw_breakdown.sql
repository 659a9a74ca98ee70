-- bench_raw_breakdown: best-case raw query for the counts of /api/breakdown?by=DIM; {{dim}} is
-- a column of server/contract/filters.ts DIMENSION_COLUMNS.
-- The SQL runs as written on DuckDB and PostgreSQL (test/bench/engine-postgres.ts puts literals in for the parameters).
SELECT {{dim}} AS key, count(*) AS dials,
  count(*) FILTER (WHERE is_answered) AS answered,
  count(*) FILTER (WHERE is_answered AND hangup_by IS NOT NULL) AS known_party,
  count(*) FILTER (WHERE is_callee_hangup) AS hangups,
  count(*) FILTER (WHERE is_early_hangup) AS early_hangups,
  count(*) FILTER (WHERE is_answered AND talk_seconds < 10) AS short_calls,
  count(*) FILTER (WHERE disposition = 'rejected') AS rejected,
  count(*) FILTER (WHERE is_answered AND outcome = 'converted') AS converted
FROM calls
GROUP BY {{dim}};
