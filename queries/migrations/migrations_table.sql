-- migrations_table: which numbered migrations (migration_NNN_*.sql) this database has run, each
-- once, in order, before schema.sql. No parameters.
CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       VARCHAR NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL
);
