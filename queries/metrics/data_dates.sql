-- data_dates: the local dates that have calls, oldest first (the weekly report's week picker
-- lists only the ISO weeks holding one of them). No parameters. Returns rows: date (YYYY-MM-DD).
-- From rollup_day (one row per date and group, every call counted once).
SELECT strftime(local_date, '%Y-%m-%d') AS "date"
FROM rollup_day
GROUP BY local_date
HAVING sum(dials) > 0
ORDER BY local_date;
