-- bench_raw_filter: the benchmark's filtered cases (4 weeks, one campaign) as the WHERE clause a
-- hand-written query would carry; test/bench/raw-sql.ts puts it into bench_raw_counts.sql.
-- params: $from, $to (DATE, to exclusive), $campaign.
WHERE local_date >= $from::DATE AND local_date < $to::DATE AND campaign = $campaign::VARCHAR
