import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../server/store.ts';
import { FORMATS_DIR, SETTINGS } from '../helpers/format-store.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';

/** A database written before issue 5 (ingest_log without folded/kind/...) opens and keeps working. */
describe('schema upgrade', () => {
  it('adds the new ingest_log and calls columns in place', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hangup-upgrade-'));
    const path = join(dir, 'old.duckdb');
    const old = await DuckDBInstance.create(path);
    const con = await old.connect();
    // ingest_log and calls as issue 2 created them.
    await con.run(`CREATE TABLE ingest_log (ingest_id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
      format VARCHAR NOT NULL, encoding VARCHAR, status VARCHAR NOT NULL, message VARCHAR, rows_read INTEGER NOT NULL,
      inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL, rejected INTEGER NOT NULL, rejects_path VARCHAR,
      extra_columns VARCHAR, started_at TIMESTAMPTZ NOT NULL, duration_ms INTEGER NOT NULL)`);
    await con.run(
      `INSERT INTO ingest_log VALUES (1, 'old.csv', 'abc', 'csv', 'utf-8', 'loaded', NULL, 10, 10, 0, 0, NULL, NULL, now(), 5)`,
    );
    await con.run(`CREATE SEQUENCE ingest_id_seq START 2`);
    await con.run(
      `CREATE TABLE calls ( call_id VARCHAR PRIMARY KEY, started_at TIMESTAMPTZ NOT NULL, answered_at TIMESTAMPTZ, ended_at TIMESTAMPTZ, ring_seconds DOUBLE, talk_seconds DOUBLE NOT NULL, disposition VARCHAR NOT NULL, answered_by VARCHAR, hangup_by VARCHAR, hangup_cause VARCHAR, campaign VARCHAR, script_id VARCHAR, agent_id VARCHAR, caller_number VARCHAR, number_tag VARCHAR, callee_id VARCHAR, segment VARCHAR, age_band VARCHAR, outcome VARCHAR, local_date DATE NOT NULL, hour TINYINT NOT NULL, weekday TINYINT NOT NULL, is_answered BOOLEAN NOT NULL, is_callee_hangup BOOLEAN NOT NULL, is_early_hangup BOOLEAN NOT NULL, nth_call_30d INTEGER, ingest_id INTEGER NOT NULL );`,
    );
    con.closeSync();
    old.closeSync();
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
