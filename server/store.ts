import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Database } from './db/database.ts';
import { alignDerived } from './db/derived.ts';
import { ingestFile, type IngestReport } from './ingest/ingest-file.ts';
import type { Settings } from './metrics.ts';
import { SAMPLE_DEFAULTS, writeSampleCsv } from '../sample-data/generate.ts';

export interface Store {
  db: Database;
  dataDir: string;
  settings: Settings;
}

/**
 * Opens the database at `path` and brings stored derived columns in line with the business
 * timezone and the early-seconds setting (re-deriving them if a setting changed since they were stored).
 */
export async function openStore(path: string, settings: Settings): Promise<Store> {
  const full = path === ':memory:' ? path : resolve(path);
  const dataDir = full === ':memory:' ? resolve('data') : dirname(full);
  mkdirSync(dataDir, { recursive: true });
  const db = await Database.open(full);
  const con = db.writeConnection;
  await con.run(`SET TimeZone = '${settings.timezone.replace(/[^A-Za-z0-9_+\-/]/g, '')}'`);
  // Local time, measure flags (T) and rollups follow the settings; older databases upgrade here.
  await alignDerived(db, settings);
  return { db, dataDir, settings };
}

/** Fills an empty store with the generated sample so a fresh clone shows real numbers. */
export async function loadSample(
  store: Store,
  opts: { calls?: number; seed?: number } = {},
  progress?: (phase: string, done?: number, total?: number) => void,
): Promise<IngestReport> {
  const calls = opts.calls ?? SAMPLE_DEFAULTS.calls;
  const tmp = join(store.dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  const csv = join(tmp, `sample-${opts.seed ?? SAMPLE_DEFAULTS.seed}-${calls}.csv`);
  try {
    await writeSampleCsv(csv, { calls, seed: opts.seed ?? SAMPLE_DEFAULTS.seed }, (done) =>
      progress?.('generating', done, calls),
    );
    return await ingestFile(store.db, csv, {
      dataDir: store.dataDir,
      businessTimezone: store.settings.timezone,
      earlySeconds: store.settings.earlySeconds,
      onPhase: (p) => progress?.(p),
    });
  } finally {
    if (existsSync(csv)) rmSync(csv);
  }
}
