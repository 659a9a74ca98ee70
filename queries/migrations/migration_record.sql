-- migration_record: notes that one migration ran. params: $version, $name.
INSERT INTO schema_migrations VALUES ($version::INTEGER, $name, now());
