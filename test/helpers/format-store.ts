import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../server/app.ts';
import { ingestFile, type IngestOptions, type IngestReport } from '../../server/ingest/ingest-file.ts';
import { IngestJobs } from '../../server/ingest/jobs.ts';
import { openStore, type Store } from '../../server/store.ts';

import { SETTINGS } from './temp-store.ts';

export { SETTINGS };
export const FORMATS_DIR = resolve('sample-data/formats');

/** A store with the upload/ingest routes mounted, and helpers for the example files. */
export interface TempStore {
  store: Store;
  dir: string;
  ingest(file: string, opts?: Partial<IngestOptions>): Promise<IngestReport>;
  api<T = Record<string, unknown>>(path: string, init?: RequestInit): Promise<{ status: number; body: T }>;
  app: ReturnType<typeof createApp>;
  close(): void;
}

/** A fresh DuckDB file in a temp folder with the real app on top (no HTTP server, no mocks). */
export async function formatStore(
  opts: { host?: string; token?: string; maxUploadBytes?: number } = {},
): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'hangup-test-'));
  const store = await openStore(join(dir, 'hangup.duckdb'), SETTINGS);
  const app = createApp({
    db: store.db,
    settings: store.settings,
    ingest: {
      dataDir: store.dataDir,
      policy: { host: opts.host ?? '127.0.0.1', token: opts.token },
      maxUploadBytes: opts.maxUploadBytes ?? 10 * 1048576,
      jobs: new IngestJobs(),
      inbox: null,
    },
  });
  return {
    store,
    dir,
    app,
    ingest: (file, o = {}) =>
      ingestFile(store.db, file.includes('/') ? file : join(FORMATS_DIR, file), {
        dataDir: store.dataDir,
        businessTimezone: SETTINGS.timezone,
        earlySeconds: SETTINGS.earlySeconds,
        ...o,
      }),
    async api(path, init) {
      const res = await app.request(path, init);
      return { status: res.status, body: (await res.json()) as never };
    },
    close() {
      store.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
