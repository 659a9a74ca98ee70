import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INGEST_MESSAGE_CODES, type MessagePart } from '../../server/contract/ingests.ts';
import { openStore } from '../../server/store.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { noteInHistory, recordOrphanUploads } from '../../server/ingest/history-note.ts';
import { ingestRoutes } from '../../server/routes/ingests.ts';
import { deleteIngest } from '../../server/ingest/delete-ingest.ts';
import { FORMATS_DIR, formatStore, SETTINGS, type TempStore } from '../helpers/format-store.ts';

const EXAMPLES = resolve('sample-data/examples');
const R = `${FORMATS_DIR}/real/`;

/** Every ingest message comes with its parts: the codes the dashboard translates, and their arguments. */
describe('keyed ingest messages', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  /** The history rows as GET /api/ingests answers them, oldest first. */
  const history = async () =>
    (
      await t.api<{ ingests: { ingestId: number; message: string | null; messageParts: MessagePart[] | null }[] }>(
        '/api/ingests',
      )
    ).body.ingests.reverse();

  it('a repeated file: repeated with the first ingest id, its file name and when', async () => {
    t = await formatStore();
    const first = await t.ingest(`${EXAMPLES}/canonical-small.csv`);
    expect(first).toMatchObject({ status: 'loaded', message: null, messageParts: [] });
    const again = await t.ingest(`${EXAMPLES}/canonical-small.csv`, { fileName: 'again.csv' });
    expect(again.status).toBe('repeated');
    expect(again.messageParts).toEqual([
      { code: 'repeated', args: { id: first.ingestId, file: 'canonical-small.csv', at: expect.any(String) } },
    ]);
    const at = String(again.messageParts[0]!.args.at);
    expect(again.message).toBe(`already ingested as #${first.ingestId} (canonical-small.csv, ${at}); nothing added`);
    const rows = await history();
    expect(rows.map((r) => r.messageParts)).toEqual([null, again.messageParts]);
  });

  it('an inferred timezone, and a --timezone the file disagrees with', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'asterisk_custom_utc3.csv');
    expect(r.messageParts).toEqual([
      { code: 'tz_inferred', args: { what: 'epochs', offset: '+03:00', agree: 14, evidence: 14 } },
    ]);
    t.close();
    t = await formatStore();
    const told = await t.ingest(R + 'asterisk_custom_utc3.csv', { timezone: 'UTC' });
    expect(told.messageParts).toEqual([
      { code: 'tz_told_disagrees', args: { what: 'epochs', offset: '+03:00', agree: 14, evidence: 14, given: 'UTC' } },
    ]);
    expect((await history())[0]!.messageParts).toEqual(told.messageParts);
  });

  it('a file of no known format: the closest formats, the header and the file name', async () => {
    t = await formatStore();
    const r = await t.ingest('acme_dialer.csv'); // needs its mapping file
    expect(r.status).toBe('failed');
    expect(r.messageParts).toHaveLength(1);
    const [p] = r.messageParts;
    expect(p!.code).toBe('unknown_format');
    expect(p!.args.file).toBe('acme_dialer.csv');
    expect(r.message).toContain(`closest tried ${p!.args.near}. Header: ${p!.args.header}. `);
  });

  it('a file that is not UTF-8 or GB18030: the byte, its offset and line', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'asterisk_stadion_pstn_full.csv');
    expect(r.messageParts).toEqual([{ code: 'bad_encoding', args: { byte: '0xa5', offset: 11777, line: 41 } }]);
  });

  it('dimension files: the kind and the rows stored', async () => {
    t = await formatStore();
    const customers = await t.ingest('dim_customers.csv');
    expect(customers.messageParts).toEqual([{ code: 'dim_customers', args: { stored: customers.inserted } }]);
    expect(customers.message).toMatch(/^\d+ customers rows: customer segments and age bands re-applied/);
    const scripts = await t.ingest('dim_scripts.csv');
    expect(scripts.messageParts[0]).toEqual({ code: 'dim_scripts', args: { stored: scripts.inserted } });
    const insights = await t.ingest('twilio_insights.jsonl');
    expect(insights.messageParts).toEqual([{ code: 'insights_applied', args: { matched: 0 } }]);
  });

  it('a failed file: missing columns, and DuckDB words kept as the argument of could_not_read', async () => {
    t = await formatStore();
    const missing = join(t.dir, 'missing.jsonl');
    writeFileSync(missing, '{"call_id":"x","started_at":"2026-03-02 10:00:00","talk_seconds":0}\n');
    const m = await t.ingest(missing);
    expect(m.messageParts).toEqual([{ code: 'missing_json_field', args: { columns: 'disposition' } }]);
    expect(m.message).toBe('missing required field disposition in every JSON line');
    const broken = join(t.dir, 'broken.parquet');
    writeFileSync(broken, Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7)]));
    const b = await t.ingest(broken);
    expect(b.status).toBe('failed');
    expect(b.messageParts).toHaveLength(1);
    expect(b.messageParts[0]!.code).toBe('could_not_read');
    expect(b.message).toBe(`could not be read: ${b.messageParts[0]!.args.error}`);
    const empty = join(t.dir, 'empty.csv');
    writeFileSync(empty, '');
    expect((await t.ingest(empty)).messageParts).toEqual([{ code: 'empty_file', args: {} }]);
    const rows = await history();
    expect(rows.map((r) => r.messageParts?.[0]?.code)).toEqual(['missing_json_field', 'could_not_read', 'empty_file']);
  });

  it('a deleted file: its history row says so keyed, with the calls deleted and when', async () => {
    t = await formatStore();
    const r = await t.ingest(`${EXAMPLES}/canonical-small.csv`);
    const out = await deleteIngest(t.store.db, r.ingestId);
    expect(out.ok).toBe(true);
    const [row] = await history();
    expect(row!.messageParts).toEqual([{ code: 'deleted', args: { deleted: r.inserted, at: expect.any(String) } }]);
    expect(row!.message).toBe(`calls deleted: ${r.inserted} (${row!.messageParts![0]!.args.at})`);
  });

  it('files never read: an interrupted upload and a refused inbox entry', async () => {
    t = await formatStore();
    const uploads = join(t.dir, 'uploads');
    mkdirSync(uploads);
    writeFileSync(join(uploads, 'u1'), 'call_id');
    await recordOrphanUploads(t.store.db, uploads);
    await noteInHistory(t.store.db, 'fifo', 'failed', {
      code: 'inbox_not_read',
      args: { reason: 'not a regular file' },
    });
    expect((await history()).map((r) => r.messageParts)).toEqual([
      [{ code: 'upload_interrupted', args: {} }],
      [{ code: 'inbox_not_read', args: { reason: 'not a regular file' } }],
    ]);
  });

  it('every code a part carries is a known one', async () => {
    t = await formatStore();
    for (const f of ['dim_caller_numbers_v1.csv', 'vicidial_log.tsv', 'acme_dialer.csv']) await t.ingest(f);
    for (const r of await history())
      for (const p of r.messageParts ?? []) expect(INGEST_MESSAGE_CODES).toContain(p.code);
  });
});

/** Migration 002: an ingest_log from before it gains message_parts in place; its rows read with no parts. */
describe('migration 002', () => {
  it('adds ingest_log.message_parts to a database from before it, whose rows then have none', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hangup-migrate-002-'));
    const path = join(dir, 'old.duckdb');
    const file = `${EXAMPLES}/canonical-small.csv`;
    const opts = (dataDir: string) => ({ dataDir, businessTimezone: SETTINGS.timezone, earlySeconds: 10 });
    let store = await openStore(path, SETTINGS);
    await ingestFile(store.db, file, opts(store.dataDir));
    await ingestFile(store.db, file, opts(store.dataDir)); // repeated: a message
    store.db.close();
    // The same database as it was before migration 002: no column, no record of the migration.
    const old = await DuckDBInstance.create(path);
    const con = await old.connect();
    await con.run('ALTER TABLE ingest_log DROP COLUMN message_parts');
    await con.run('DELETE FROM schema_migrations WHERE version = 2');
    con.closeSync();
    old.closeSync();
    store = await openStore(path, SETTINGS);
    try {
      const ran = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version = 2');
      expect(ran).toEqual([{ version: 2 }]);
      const again = await ingestFile(store.db, file, opts(store.dataDir));
      const res = await ingestRoutes(store.db).request('/ingests');
      const { ingests } = (await res.json()) as { ingests: Record<string, unknown>[] };
      expect(ingests.map((r) => [r.ingestId, r.status, r.messageParts])).toEqual([
        [3, 'repeated', again.messageParts],
        [2, 'repeated', null],
        [1, 'loaded', null],
      ]);
      expect(ingests[1]!.message).toMatch(/^already ingested as #1 \(canonical-small\.csv, /);
    } finally {
      store.db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
