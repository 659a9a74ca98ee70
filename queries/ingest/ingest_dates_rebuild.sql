-- ingest_dates_rebuild: the ingest -> local dates index, from every stored call (after a full
-- rollup rebuild, e.g. when the business timezone moved the dates). No parameters.
DELETE FROM ingest_dates;
INSERT INTO ingest_dates SELECT DISTINCT ingest_id, local_date FROM calls;
