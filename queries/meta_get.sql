-- meta_get: one stored setting. params: $key. Returns at most one row: value.
SELECT value FROM meta WHERE key = $key;
