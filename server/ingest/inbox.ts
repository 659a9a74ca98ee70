import { watch, type FSWatcher } from 'chokidar';
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { IngestReport } from './ingest-file.ts';
import { safeStem } from './ingest-file.ts';

export interface InboxOptions {
  /** Watched folder; archive/ and quarantine/ are its siblings unless given. */
  inbox: string;
  archive: string;
  quarantine: string;
  /** A file counts as completely written once its size has not changed for this long. */
  stableMs: number;
  ingest: (path: string, fileName: string) => Promise<IngestReport>;
  log?: (line: string) => void;
}

export interface Inbox {
  close(): Promise<void>;
  /** Resolves when every file noticed so far has been handled (tests, shutdown). */
  idle(): Promise<void>;
}

// Partial downloads and editor temp files are never read: copy in as NAME.part, then rename.
const IGNORED = /(^|[/\\])\.|\.(part|partial|tmp|crdownload|download|swp)$|~$/i;

function move(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    copyFileSync(from, to);
    rmSync(from);
  }
}

function reportText(r: IngestReport): string {
  return [
    `file: ${r.fileName}`, `ingest: #${r.ingestId}`, `status: ${r.status}`, `format: ${r.format}`, `encoding: ${r.encoding ?? '-'}`,
    `rows read: ${r.rowsRead} = calls ${r.calls} + folded ${r.folded}`,
    ...r.foldNotes.map((n) => `  folded: ${n.reason}: ${n.rows}`),
    `calls: ${r.calls} = inserted ${r.inserted} + duplicates ${r.duplicates} + rejected ${r.rejected}`,
    `answered calls with unknown hang-up party: ${r.unknownParty}`,
    `timezone of naive timestamps: ${r.sourceTimezone ?? '-'}`,
    r.rejectsPath ? `rejected rows and reasons: ${r.rejectsPath}` : null,
    r.extraColumns.length ? `columns not used: ${r.extraColumns.join(', ')}` : null,
    r.message ? `note: ${r.message}` : null,
    `took: ${(r.durationMs / 1000).toFixed(1)} s`, '',
  ].filter((l) => l !== null).join('\n');
}

/**
 * Watches the inbox (chokidar with awaitWriteFinish: the size must stay still for stableMs before
 * a file is read, so a slow copy is never read half-way). Each file is ingested (the sha256
 * repeat check recognises a file dropped twice) and moved to archive/DATE/ with its report, or to
 * quarantine/ with a readable .errors.txt when it could not be read at all.
 */
export function watchInbox(o: InboxOptions): Inbox {
  for (const d of [o.inbox, o.archive, o.quarantine]) mkdirSync(d, { recursive: true });
  const log = o.log ?? (() => {});
  const pending = new Set<Promise<void>>();
  const handle = async (path: string) => {
    const name = basename(path);
    const report = await o.ingest(path, name);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const stem = `${report.ingestId}-${safeStem(name)}`;
    if (report.status === 'failed') {
      const dest = join(o.quarantine, `${stamp}-${stem}`);
      move(path, dest);
      writeFileSync(`${dest}.errors.txt`, `This file could not be loaded.\n\nreason: ${report.message}\n\n${reportText(report)}`);
      log(`inbox: ${name} -> quarantine (${report.message})`);
      return;
    }
    const dir = join(o.archive, stamp.slice(0, 10));
    mkdirSync(dir, { recursive: true });
    const dest = join(dir, stem);
    move(path, dest);
    writeFileSync(`${dest}.report.txt`, reportText(report));
    writeFileSync(`${dest}.report.json`, JSON.stringify(report, null, 2) + '\n');
    log(`inbox: ${name} -> archive (${report.status === 'repeated' ? report.message : `${report.inserted} calls inserted`})`);
  };
  const watcher: FSWatcher = watch(o.inbox, {
    depth: 0,
    ignoreInitial: false, // files dropped while the server was down are picked up at start
    ignored: (p: string) => IGNORED.test(basename(p)),
    awaitWriteFinish: { stabilityThreshold: o.stableMs, pollInterval: Math.max(50, Math.min(500, Math.round(o.stableMs / 4))) },
  });
  watcher.on('add', (path) => {
    const p = handle(path).catch((err) => log(`inbox: ${basename(path)}: ${(err as Error).message}`));
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  return {
    close: () => watcher.close(),
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
