-- date_bounds: the first and last local call date in the store and the number of calls.
-- No parameters. Returns one row: firstDate, lastDate (YYYY-MM-DD or NULL), calls.
-- From rollup_day (one row per date and group, every call counted once).
SELECT strftime(min(local_date), '%Y-%m-%d') AS "firstDate",
       strftime(max(local_date), '%Y-%m-%d') AS "lastDate",
       coalesce(sum(dials), 0)::INTEGER AS calls
FROM rollup_day;
