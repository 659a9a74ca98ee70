-- ingest_next_id: a fresh ingest id. Returns one row: id.
SELECT nextval('ingest_id_seq')::INTEGER AS id;
