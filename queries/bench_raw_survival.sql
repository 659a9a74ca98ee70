-- bench_raw_survival: the counts /api/survival?by=DIM needs, best case: per group and second of
-- talk, answered calls and callee hang-ups (Kaplan-Meier runs on these, not on calls).
-- The SQL runs as written on DuckDB and PostgreSQL (test/bench/engine-postgres.ts puts literals in for the parameters).
SELECT {{dim}} AS key, talk_seconds, count(*) AS n, count(*) FILTER (WHERE is_callee_hangup) AS events
FROM calls
WHERE is_answered
GROUP BY {{dim}}, talk_seconds;
