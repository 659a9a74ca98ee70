import { join } from 'node:path';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import type { FolderOptions } from '../../server/ingest/inbox-settings.ts';
import { SETTINGS, type TempStore } from '../helpers/format-store.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (the watcher works on its own timers), failing after `ms`. */
export async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(50);
  }
}

/** The inbox, archive and quarantine folders of a temp store. */
export function inboxDirs(t: TempStore): { inbox: string; archive: string; quarantine: string } {
  return { inbox: join(t.dir, 'inbox'), archive: join(t.dir, 'archive'), quarantine: join(t.dir, 'quarantine') };
}

/** The watcher's ingest: the file into the temp store, under the name it had in the inbox, with its folder's settings. */
export function ingestInto(
  t: TempStore,
): (path: string, fileName: string, options?: FolderOptions) => ReturnType<typeof ingestFile> {
  return (path, fileName, options = {}) =>
    ingestFile(t.store.db, path, {
      ...options,
      dataDir: t.store.dataDir,
      businessTimezone: SETTINGS.timezone,
      earlySeconds: SETTINGS.earlySeconds,
      fileName,
    });
}
