-- ingest_json_keys: every distinct key in a JSON-lines file's objects, to check required
-- columns and report extras. params: $path. Returns rows: key.
SELECT DISTINCT unnest(json_keys(try(json(line)))) AS key
FROM read_csv($path, columns = {'line': 'VARCHAR'}, header = false, delim = E'\x01', quote = '',
              escape = '', auto_detect = false)
WHERE json_type(try(json(line))) = 'OBJECT';
