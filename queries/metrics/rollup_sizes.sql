-- rollup_sizes: rows held by each rollup table (the planner answers from the smallest one that
-- covers a request). No parameters. Returns rows: name, n.
SELECT table_name AS name, estimated_size AS n FROM duckdb_tables() WHERE table_name LIKE 'rollup\_%' ESCAPE '\';
