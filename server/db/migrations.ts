import type { DuckDBConnection } from '@duckdb/node-api';
import { CODE_MIGRATIONS } from './code-migrations.ts';
import { allQueryNames, sqlText } from './sql-files.ts';

const MIGRATION = /^migration_(\d{3})_[a-z0-9_]+$/;

/** One numbered migration: a SQL file (`migration_NNN_what.sql`) or, with `run`, a TypeScript one. */
export interface Migration {
  version: number;
  name: string;
  run?: (con: DuckDBConnection) => Promise<void>;
}

/**
 * The numbered migrations, in order: the SQL files under queries/migrations/ and the TypeScript
 * ones of code-migrations.ts, one sequence of versions (a version used twice stops start-up).
 */
export function migrations(): Migration[] {
  const sql: Migration[] = allQueryNames()
    .map((name) => ({ name, m: MIGRATION.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({ version: Number(m[1]), name }));
  const all = [...sql, ...CODE_MIGRATIONS.map(({ version, name, run }) => ({ version, name, run }))];
  for (const m of all) {
    const twin = all.find((o) => o !== m && o.version === m.version);
    if (twin) throw new Error(`two migrations are numbered ${m.version}: ${m.name} and ${twin.name}`);
  }
  return all.sort((a, b) => a.version - b.version);
}

/**
 * Brings an older database in line before schema.sql runs: each migration not yet recorded in
 * schema_migrations runs once, in order, in its own transaction with its record. They run before
 * the schema so a rename keeps its rows (schema.sql would otherwise create the new name empty);
 * a migration is therefore written to do nothing on a database that lacks what it changes (a new
 * one, or one older than the thing itself).
 */
export async function runMigrations(con: DuckDBConnection): Promise<number[]> {
  await con.run(sqlText('migrations_table'));
  const reader = await con.runAndReadAll(sqlText('migrations_applied'));
  const done = new Set((reader.getRowObjectsJson() as { version: number }[]).map((r) => Number(r.version)));
  const ran: number[] = [];
  for (const m of migrations()) {
    if (done.has(m.version)) continue;
    await con.run('BEGIN TRANSACTION');
    try {
      if (m.run) await m.run(con);
      else await con.run(sqlText(m.name));
      await con.run(sqlText('migration_record'), { version: m.version, name: m.name });
      await con.run('COMMIT');
    } catch (err) {
      await con.run('ROLLBACK');
      throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err });
    }
    ran.push(m.version);
  }
  return ran;
}
