-- migrations_applied: the versions this database has run. Returns version per row.
SELECT version FROM schema_migrations ORDER BY version;
