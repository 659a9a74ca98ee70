-- date_bounds: the first and last local call date in the store and the number of calls.
-- No parameters. Returns one row: firstDate, lastDate (YYYY-MM-DD or NULL), calls.
SELECT strftime(min(local_date), '%Y-%m-%d') AS "firstDate",
       strftime(max(local_date), '%Y-%m-%d') AS "lastDate",
       count(*)::INTEGER AS calls
FROM calls;
