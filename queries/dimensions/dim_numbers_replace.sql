-- dim_numbers_replace: a numbers file is the current truth for every number it lists: their older
-- rows go (so a corrected from-date does not leave a stale tag behind). No parameters.
DELETE FROM dim_caller_numbers WHERE caller_number IN (SELECT k FROM dim_rows WHERE reason IS NULL);
