-- ingest_add_column: gives `staged` a canonical column the file did not have (all NULL), so
-- ingest_check can read every canonical column. {{col}} comes from the fixed canonical list.
ALTER TABLE staged ADD COLUMN IF NOT EXISTS "{{col}}" VARCHAR;
