import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { ChEngine } from '../../server/clickhouse/engine.ts';
import type { ChValue } from '../../server/clickhouse/literal.ts';
import { deleteIngest } from '../../server/ingest/delete-ingest.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { writeSampleCsv } from '../../sample-data/generate.ts';
import { SETTINGS } from '../helpers/temp-store.ts';
import { json } from './compare.ts';
import { clickhouseTarget, mirroredStore, type Target } from './setup.ts';

/** An engine whose Nth INSERT reaches ClickHouse and then reports an error (a lost acknowledgement). */
class LostAck implements ChEngine {
  inserts = 0;
  failAt: number | null = null;
  constructor(private readonly inner: ChEngine) {}
  get label() {
    return this.inner.label;
  }
  select<T>(sql: string, p: Record<string, ChValue> | null) {
    return this.inner.select<T>(sql, p);
  }
  command(sql: string, s?: Record<string, number>) {
    return this.inner.command(sql, s);
  }
  async insert(table: string, rows: Record<string, unknown>[], s?: Record<string, number>) {
    await this.inner.insert(table, rows, s);
    if (++this.inserts === this.failAt) throw new Error('connection reset after the batch was sent');
  }
  close() {
    return this.inner.close();
  }
}

const CALLS = 1200;
let target: Target;
let dir: string;
let file: string;
const engines: LostAck[] = [];
let t: Awaited<ReturnType<typeof mirroredStore>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hangup-chingest-'));
  file = join(dir, 'calls.csv');
  await writeSampleCsv(file, { calls: CALLS, seed: 5 });
  target = await clickhouseTarget();
  t = await mirroredStore(target.config, {
    batchRows: 250,
    wrap: (e) => {
      const l = new LostAck(e);
      engines.push(l);
      return l;
    },
  });
}, 120_000);

afterAll(async () => {
  await t?.cleanup();
  await target?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const load = () =>
  ingestFile(t.db, file, {
    dataDir: t.dataDir,
    businessTimezone: SETTINGS.timezone,
    earlySeconds: SETTINGS.earlySeconds,
  });
const liveInClickHouse = async () =>
  Number(
    (
      await t.ch.query<{ n: number }>(
        `SELECT toInt64(count()) AS n FROM \`${t.ch.names.database}\`.\`${t.ch.names.all}\` FINAL WHERE _deleted = 0`,
      )
    )[0]!.n,
  );
const rowsInClickHouse = async () =>
  Number(
    (
      await t.ch.query<{ n: number }>(
        `SELECT toInt64(count()) AS n FROM \`${t.ch.names.database}\`.\`${t.ch.names.all}\``,
      )
    )[0]!.n,
  );

// Shipping, merging and re-reading on a loaded 2-core machine take longer than the 60 s default.
describe('ingest into ClickHouse', { timeout: 300_000 }, () => {
  it('a failure mid-file leaves the file failed in ingest_log, nothing counted, and the file re-ingestable', async () => {
    engines[0]!.failAt = 3; // batches 1-3 arrive, the third is reported lost
    const r = await load();
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(
      /shipping to ClickHouse failed \(connection reset after the batch was sent\); the file can be ingested again/,
    );
    const app = createApp({ db: t.db, settings: t.settings });
    expect((await json(app, '/api/health')).body.calls).toBe(0);
    expect(await liveInClickHouse()).toBe(0);
    // Keyed too, so the dashboard says it in zh-CN: the report and the stored row carry the part.
    expect(r.messageParts?.[0]).toEqual({
      code: 'clickhouse_not_stored',
      args: { reason: 'connection reset after the batch was sent' },
    });
    const [log] = await t.db.query<{ status: string; message: string; inserted: number; parts: string }>(
      'SELECT status, message, inserted, message_parts AS parts FROM ingest_log WHERE ingest_id = 1',
    );
    expect(log).toMatchObject({ status: 'failed', inserted: 0 });
    expect(JSON.parse(log!.parts)[0].code).toBe('clickhouse_not_stored');
    expect(await t.db.query('SELECT * FROM calls')).toHaveLength(0);

    engines[0]!.failAt = null;
    const again = await load();
    expect(again.status, again.message ?? '').toBe('loaded');
    expect(again.inserted).toBe(CALLS);
    expect((await json(app, '/api/health')).body.calls).toBe(CALLS);
    expect((await json(app, '/api/summary')).body.dials).toBe(CALLS);
  });

  it('a batch sent twice adds nothing (same rows, same version: FINAL keeps one)', async () => {
    const version = Date.now() * 1000 + 7;
    expect(await t.mirror.ship(t.db.writeConnection, 'true', {}, version)).toBe(CALLS);
    expect(await t.mirror.ship(t.db.writeConnection, 'true', {}, version)).toBe(CALLS);
    // Physically there until a background merge (however many it has merged yet)…
    expect(await rowsInClickHouse()).toBeGreaterThanOrEqual(CALLS);
    expect(await liveInClickHouse()).toBe(CALLS); // …but every query counts each call once
    expect(t.ch.settled).toBe(false); // so the routes read with FINAL
    const app = createApp({ db: t.db, settings: t.settings });
    expect((await json(app, '/api/summary?segment=a&segment=b')).body.dials).toBe(0);
    const [seg] = (await json(app, '/api/dimensions')).body.segment as { value: string; calls: number }[];
    expect((await json(app, `/api/summary?segment=${encodeURIComponent(seg!.value)}`)).body.dials).toBe(seg!.calls);
    expect((await json(app, '/api/summary')).body.dials).toBe(CALLS);
    // Merged to one part per partition, reads skip FINAL and still count each call once.
    await t.mirror.settle();
    expect(t.ch.settled).toBe(true);
    expect(await rowsInClickHouse()).toBe(CALLS);
    expect((await json(app, '/api/summary?from=2000-01-01')).body.dials).toBe(CALLS);
  });

  it('delete takes a file out of ClickHouse too', async () => {
    const out = await deleteIngest(t.db, 2);
    expect(out).toMatchObject({ ok: true, deleted: CALLS });
    expect(await liveInClickHouse()).toBe(0);
    const app = createApp({ db: t.db, settings: t.settings });
    expect((await json(app, '/api/summary')).body.dials).toBe(0);
    expect((await load()).status).toBe('loaded');
    expect(await liveInClickHouse()).toBe(CALLS);
  });
});
