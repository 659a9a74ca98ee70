-- format_date_order: whether the d/m/yyyy dates of the current file are day-first or month-first.
-- A first field above 12 can only be a day, a second field above 12 only a day too. Reads the
-- start, answer and end times of {{table}} (mapped or staged, named by the caller from a fixed list).
-- Returns one row: dated (values of that shape), dayFirst, monthFirst (values that decide each
-- way), example (one such value).
WITH v AS (
  SELECT unnest([started_at, answered_at, ended_at]) AS t FROM {{table}}
), d AS (
  SELECT t, try_cast(regexp_extract(trim(t), '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{4}', 1) AS INTEGER) AS a,
            try_cast(regexp_extract(trim(t), '^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-][0-9]{4}', 2) AS INTEGER) AS b
  FROM v WHERE dmy_time(trim(t))
)
SELECT count(*)::INTEGER AS dated, count_if(a > 12)::INTEGER AS "dayFirst", count_if(b > 12)::INTEGER AS "monthFirst",
       arg_max(t, greatest(a, b)) AS example, arg_max(t, a) FILTER (a > 12) AS "dayExample", arg_max(t, b) FILTER (b > 12) AS "monthExample"
FROM d;
