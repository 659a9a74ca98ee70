import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store.ts';
import { FORMATS_DIR, SETTINGS } from '../helpers/format-store.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { migrations } from '../../server/db/migrations.ts';

/** A database file as an older release left it: `statements` run on a fresh file in a temp folder. */
async function oldDatabase(prefix: string, statements: string[]): Promise<{ dir: string; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const path = join(dir, 'old.duckdb');
  const old = await DuckDBInstance.create(path);
  const con = await old.connect();
  for (const sql of statements) await con.run(sql);
  con.closeSync();
  old.closeSync();
  return { dir, path };
}

/** A database written before issue 5 (ingest_log without folded/kind/...) opens and keeps working. */
describe('schema upgrade', () => {
  it('adds the new ingest_log and calls columns in place', async () => {
    // ingest_log and calls as issue 2 created them.
    const { dir, path } = await oldDatabase('hangup-upgrade-', [
      `CREATE TABLE ingest_log (ingest_id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
      format VARCHAR NOT NULL, encoding VARCHAR, status VARCHAR NOT NULL, message VARCHAR, rows_read INTEGER NOT NULL,
      inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL, rejected INTEGER NOT NULL, rejects_path VARCHAR,
      extra_columns VARCHAR, started_at TIMESTAMPTZ NOT NULL, duration_ms INTEGER NOT NULL)`,
      `INSERT INTO ingest_log VALUES (1, 'old.csv', 'abc', 'csv', 'utf-8', 'loaded', NULL, 10, 10, 0, 0, NULL, NULL, now(), 5)`,
      `CREATE SEQUENCE ingest_id_seq START 2`,
      `CREATE TABLE calls ( call_id VARCHAR PRIMARY KEY, started_at TIMESTAMPTZ NOT NULL, answered_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, ring_seconds DOUBLE, talk_seconds DOUBLE NOT NULL, disposition VARCHAR NOT NULL, answered_by VARCHAR, hangup_by VARCHAR, hangup_cause VARCHAR, campaign VARCHAR, script_id VARCHAR, agent_id VARCHAR, caller_number VARCHAR, number_tag VARCHAR, callee_id VARCHAR, segment VARCHAR, age_band VARCHAR, outcome VARCHAR, local_date DATE NOT NULL, hour TINYINT NOT NULL, weekday TINYINT NOT NULL, is_answered BOOLEAN NOT NULL, is_callee_hangup BOOLEAN NOT NULL, is_early_hangup BOOLEAN NOT NULL, nth_call_30d INTEGER, ingest_id INTEGER NOT NULL );`,
    ]);
    const store = await openStore(path, SETTINGS);
    const r = await ingestFile(store.db, join(FORMATS_DIR, 'connect_ctr.jsonl'), {
      dataDir: store.dataDir,
      businessTimezone: SETTINGS.timezone,
      earlySeconds: 10,
    });
    expect(r).toMatchObject({ status: 'loaded', folded: 3 });
    expect(
      (await store.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM calls WHERE number_tag_cdr IS NULL'))[0]!
        .n,
    ).toBe(6);
    const log = await store.db.query<Record<string, unknown>>(
      'SELECT ingest_id, folded, kind FROM ingest_log ORDER BY ingest_id',
    );
    expect(log).toEqual([
      { ingest_id: 1, folded: 0, kind: 'calls' },
      { ingest_id: 2, folded: 3, kind: 'calls' },
    ]);
    store.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

/** Issue 13 point 5: the Voice Insights table's rename is a numbered migration, run once and recorded. */
describe('numbered migrations', () => {
  it('renames twilio_insights in place, keeping its rows, and records the migration so it runs once', async () => {
    const { dir, path } = await oldDatabase('hangup-migrate-', [
      `CREATE TABLE twilio_insights (call_sid VARCHAR PRIMARY KEY, hangup_by VARCHAR, ring_seconds DOUBLE,
      call_state VARCHAR, ingest_id INTEGER NOT NULL)`,
      `INSERT INTO twilio_insights VALUES ('CA1', 'callee', 4, 'completed', 7)`,
    ]);
    for (let open = 1; open <= 2; open++) {
      const store = await openStore(path, SETTINGS);
      expect(await store.db.query('SELECT call_sid, hangup_by, ingest_id FROM twilio_insights_summaries')).toEqual([
        { call_sid: 'CA1', hangup_by: 'callee', ingest_id: 7 },
      ]);
      const tables = await store.db.query<{ n: number }>(
        "SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'twilio_insights'",
      );
      expect(tables[0]!.n, `open ${open}: the old name is gone`).toBe(0);
      const ran = await store.db.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      // A second run would fail on the primary key of its record: opening again proves it ran once.
      expect(
        ran.filter((r) => r.version === 1),
        `open ${open}`,
      ).toEqual([{ version: 1, name: 'migration_001_twilio_insights_summaries' }]);
      store.db.close();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('a new database records every migration and has the tables under their new names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hangup-migrate-'));
    const store = await openStore(join(dir, 'new.duckdb'), SETTINGS);
    const ran = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(ran.map((r) => r.version)).toEqual(migrations().map((m) => m.version));
    expect(await store.db.query('SELECT * FROM twilio_insights_summaries')).toEqual([]);
    store.db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
