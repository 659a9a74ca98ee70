-- ingest_add_column: gives the staging table ({{table}}: staged or staged_text) a canonical column the file did not have (all NULL), so
-- ingest_check can read every canonical column. {{table}}, {{col}} and {{type}} come from the fixed
-- canonical list in server/ingest/canonical.ts.
ALTER TABLE {{table}} ADD COLUMN IF NOT EXISTS "{{col}}" {{type}};
