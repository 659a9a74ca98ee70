-- bench_raw_survival: the counts /api/survival?by=DIM needs, best case: per group and second of
-- talk, answered calls and callee hang-ups (Kaplan-Meier runs on these, not on calls).
-- count_if, not count(*) FILTER: 2-3x faster on DuckDB 1.5 (10 M calls). The same file runs on PostgreSQL
-- (test/bench/engine-postgres.ts spells count_if as FILTER and puts literals in for the parameters).
SELECT {{dim}} AS key, talk_seconds, count(*) AS n, count_if(is_callee_hangup) AS events
FROM calls
WHERE is_answered
GROUP BY {{dim}}, talk_seconds;
