-- ingest_dates_add: remembers which local dates one ingest's calls fall on, so deleting the file
-- later refreshes the rollups of exactly those dates. params: $ingest_id.
INSERT INTO ingest_dates SELECT DISTINCT ingest_id, local_date FROM calls WHERE ingest_id = $ingest_id::INTEGER;
