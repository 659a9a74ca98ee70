import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { ingestFile, type IngestOptions } from '../../server/ingest/ingest-file.ts';
import { openStore, type Store } from '../../server/store.ts';

export const SETTINGS = { timezone: 'Asia/Shanghai', earlySeconds: 10 };

/** A store in a fresh temporary folder; `cleanup` closes and deletes it. */
export async function tempStore(settings = SETTINGS): Promise<Store & { dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'hangup-test-'));
  const store = await openStore(join(dir, 'hangup.duckdb'), settings);
  return { ...store, dir, cleanup: () => (store.db.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** Writes `content` into the store's folder and ingests it. */
export async function ingestText(
  store: Store & { dir: string },
  name: string,
  content: string | Buffer,
  opts: Partial<IngestOptions> = {},
) {
  const path = join(store.dir, name);
  writeFileSync(path, content);
  return ingestFile(store.db, path, {
    dataDir: store.dataDir,
    businessTimezone: store.settings.timezone,
    earlySeconds: store.settings.earlySeconds,
    ...opts,
  });
}

export function appFor(store: Store) {
  return createApp({ db: store.db, settings: store.settings });
}

export async function getJson(app: ReturnType<typeof createApp>, url: string): Promise<{ status: number; body: any }> {
  const res = await app.request(url);
  return { status: res.status, body: await res.json() };
}

export const HEADER =
  'call_id,started_at,answered_at,ended_at,ring_seconds,talk_seconds,disposition,answered_by,hangup_by,hangup_cause,campaign,script_id,agent_id,caller_number,number_tag,callee_id,segment,age_band,outcome';

/** A canonical CSV from rows of partial column values (missing columns left empty). */
export function csv(rows: Record<string, string | number | undefined>[]): string {
  const cols = HEADER.split(',');
  return (
    [HEADER, ...rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(','))].join('\n') + '\n'
  );
}
