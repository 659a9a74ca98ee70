import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { ingestFile } from '../../../server/ingest/ingest-file.ts';
import { loadSample, openStore, type Store } from '../../../server/store.ts';

const settings = { timezone: 'Asia/Shanghai', earlySeconds: 10 };
let dir: string;
let store: Store;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hangup-ingests-'));
  store = await openStore(join(dir, 'test.duckdb'), settings);
  app = createApp({ db: store.db, settings });
});
afterAll(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

const history = async () => {
  const res = await app.request('/api/ingests');
  expect(res.status).toBe(200);
  return ((await res.json()) as { ingests: Record<string, unknown>[] }).ingests;
};

describe('GET /api/ingests', () => {
  // Asked while the log is empty, then again after ingests: guards against stale prepared statements.
  it('is an empty list before anything is ingested', async () => {
    expect(await history()).toEqual([]);
  });

  it('lists each file with its counts, newest first, and hides server paths', async () => {
    await loadSample(store, { calls: 500, seed: 7 });
    const bad = join(dir, 'not-cdrs.csv');
    writeFileSync(bad, 'name,colour\nalice,red\n');
    await ingestFile(store.db, bad, { dataDir: store.dataDir, businessTimezone: settings.timezone, earlySeconds: 10 });

    const rows = await history();
    expect(rows).toHaveLength(2);
    const [latest, sample] = rows;
    expect(latest).toMatchObject({ fileName: 'not-cdrs.csv', status: 'failed', inserted: 0 });
    expect(sample).toMatchObject({
      status: 'loaded',
      rowsRead: 500,
      inserted: 500,
      duplicates: 0,
      rejected: 0,
      format: 'canonical',
    });
    expect(sample!.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(Number(latest!.ingestId)).toBeGreaterThan(Number(sample!.ingestId));
    for (const r of rows) {
      expect(r).not.toHaveProperty('rejectsPath');
      expect(JSON.stringify(r)).not.toContain(dir);
    }
  });

  it('answers only GET', async () => {
    const res = await app.request('/api/ingests', { method: 'DELETE', headers: { 'x-requested-with': 'hangup' } });
    expect(res.status).toBe(404);
  });
});
