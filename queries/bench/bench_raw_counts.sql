-- bench_raw_counts: best-case raw query for the counts of /api/summary, /api/breakdown and /api/heatmap:
-- one scan, every count of server/semantic/measures.ts COUNTS from stored flag columns, only the
-- filters present. Slots, filled by test/bench/raw-sql.ts from fixed text and allow-listed columns:
--   {{keys}}      `col AS key, ` (breakdown), `x AS x, y AS y, ` (heatmap), or the date span (summary)
--   {{where}}     nothing, or queries/bench/bench_raw_filter.sql (params $from, $to, $campaign)
--   {{group_by}}  GROUP BY the grouped columns, or nothing (summary: one row)
-- count_if, not count(*) FILTER: 2-3x faster on DuckDB 1.5 (10 M calls). The same file runs on PostgreSQL
-- (test/bench/engine-postgres.ts spells count_if as FILTER and puts literals in for the parameters).
SELECT {{keys}}count(*) AS dials,
  count_if(is_answered) AS answered,
  count_if(is_known_party) AS known_party,
  count_if(is_callee_hangup) AS hangups,
  count_if(is_early_hangup) AS early_hangups,
  count_if(is_short) AS short_calls,
  count_if(is_rejected) AS rejected,
  count_if(is_converted) AS converted,
  count_if(is_machine) AS machine_answered
FROM calls{{where}}{{group_by}};
