-- meta_set: stores one setting. params: $key, $value.
INSERT OR REPLACE INTO meta VALUES ($key, $value);
