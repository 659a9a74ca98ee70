import { watch, type FSWatcher } from 'chokidar';
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { IngestReport } from './ingest-file.ts';
import { safeStem } from './ingest-file.ts';
import { folderOptions, settingsAdvice, SettingsError, type FolderOptions } from './inbox-settings.ts';
import { notRegular } from './not-regular.ts';
import { publicMessage } from './public-message.ts';

export interface InboxOptions {
  /** Watched folder; archive/ and quarantine/ are its siblings unless given. */
  inbox: string;
  archive: string;
  quarantine: string;
  /** A file counts as completely written once its size has not changed for this long. */
  stableMs: number;
  /** Reads one file with its folder's settings (inbox-settings.ts), as an upload passes its fields. */
  ingest: (path: string, fileName: string, options: FolderOptions) => Promise<IngestReport>;
  log?: (line: string) => void;
  /** Where a file is moved while it is read, owner-only (default: `processing` beside the inbox). */
  processing?: string;
  /** Called for an entry that is not read at all (not a regular file, outside the inbox, its folder's settings wrong). */
  onRefused?: (fileName: string, reason: string) => void;
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

export class RefusedEntry extends Error {}

/** The subfolder an inbox entry is in ('' = the inbox itself), or null when deeper down (never read). */
export function inboxFolderOf(path: string, inbox: string): string | null {
  const parts = relative(resolve(inbox), resolve(path)).split(sep);
  if (parts.length > 2 || parts.some((p) => p === '..' || p === '')) return null;
  return parts.length === 2 ? parts[0]! : '';
}

/** A folder's own stats, or a refusal when it is a link (a linked folder is never read through). */
function realFolder(dir: string): Stats {
  const st = lstatSync(dir);
  if (!st.isDirectory()) throw new RefusedEntry('in a folder that is a symbolic link: not read');
  return st;
}

/**
 * Takes one inbox entry for reading, or refuses it. The entry is opened with O_NOFOLLOW and
 * O_NONBLOCK (a symlink fails to open, a FIFO does not block), checked on the open descriptor
 * (regular file, one name, in the inbox or one of its real subfolders after realpath), then moved
 * into the owner-only processing folder (processing/<subfolder>/ for a subfolder's file, so a
 * restart puts it back there); a rename that moved anything but the inode just checked is
 * refused. On another filesystem the bytes are copied from the checked descriptor.
 */
export async function claimInboxFile(path: string, inbox: string, processing: string): Promise<string> {
  const name = basename(path);
  const folder = inboxFolderOf(path, inbox);
  if (folder === null) throw new RefusedEntry('not in the inbox or one of its folders');
  const folderStat = folder ? realFolder(dirname(path)) : null;
  const entry = lstatSync(path);
  const bad = notRegular(entry);
  if (bad) throw new RefusedEntry(`${bad}: only regular files are read from the inbox`);
  const root = realpathSync(inbox);
  const real = realpathSync(path);
  if (real !== join(root, folder, name)) throw new RefusedEntry('resolves outside the inbox');
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new RefusedEntry(
      code === 'ELOOP' ? 'a symbolic link: only regular files are read from the inbox' : `cannot be opened (${code})`,
    );
  }
  try {
    const st = fstatSync(fd);
    const fault =
      notRegular(st) ?? (st.ino !== entry.ino || st.dev !== entry.dev ? 'changed while it was checked' : null);
    if (fault) throw new RefusedEntry(`${fault}: only regular files are read from the inbox`);
    const into = join(processing, folder);
    mkdirSync(into, { recursive: true, mode: 0o700 });
    const dest = join(into, `${randomUUID()}-${name}`);
    // Node has no renameat: the folder is checked again just before the rename goes through it.
    if (folderStat && realFolder(dirname(path)).ino !== folderStat.ino)
      throw new RefusedEntry('its folder was replaced while it was being taken: not read');
    try {
      renameSync(path, dest);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await pipeline(
        createReadStream('', { fd, autoClose: false, start: 0 }),
        createWriteStream(dest, { mode: 0o600 }),
      );
      rmSync(path, { force: true });
      return dest;
    }
    const moved = lstatSync(dest);
    if (moved.ino !== st.ino || moved.dev !== st.dev || notRegular(moved)) {
      // In the inbox itself the stranger is an inbox entry; through a swapped subfolder it may be a
      // file from elsewhere, so it goes back where it came from (or stays, owner-only), never deleted.
      if (!folder) rmSync(dest, { force: true });
      else
        try {
          renameSync(dest, path);
        } catch {
          /* left in processing/ */
        }
      throw new RefusedEntry('was replaced while it was being taken: not read');
    }
    return dest;
  } finally {
    closeSync(fd);
  }
}

/**
 * Where every row read went, as equations that add up (IngestReport: rows read = calls + folded,
 * folded = the fold notes, which name skipped rows by their reason too; calls = inserted +
 * duplicates + rejected + inbound). A dimension file's rows are stored, duplicates or rejected.
 */
function accountingLines(r: IngestReport): string[] {
  if (r.kind === 'dimension')
    return [`rows read: ${r.rowsRead} = stored ${r.inserted} + duplicates ${r.duplicates} + rejected ${r.rejected}`];
  return [
    `rows read: ${r.rowsRead} = calls ${r.calls} + folded ${r.folded}`,
    ...r.foldNotes.map((n) => `  folded: ${n.reason}: ${n.rows}`),
    `calls: ${r.calls} = inserted ${r.inserted} + duplicates ${r.duplicates} + rejected ${r.rejected} + inbound ${r.inbound}`,
    ...(r.inbound ? ['  inbound: calls into the site, not dials: counted apart, not stored'] : []),
  ];
}

function reportText(r: IngestReport): string {
  return [
    `file: ${r.fileName}`,
    `ingest: #${r.ingestId}`,
    `status: ${r.status}`,
    `format: ${r.format}`,
    `encoding: ${r.encoding ?? '-'}`,
    ...accountingLines(r),
    `answered calls with unknown hang-up party: ${r.unknownParty}`,
    `timezone of naive timestamps: ${r.sourceTimezone ?? '-'}`,
    r.rejectsPath ? `rejected rows and reasons: ${r.rejectsPath}` : null,
    r.extraColumns.length ? `columns not used: ${r.extraColumns.join(', ')}` : null,
    r.message ? `note: ${r.message}` : null,
    `took: ${(r.durationMs / 1000).toFixed(1)} s`,
    '',
  ]
    .filter((l) => l !== null)
    .join('\n');
}

/**
 * Watches the inbox (chokidar with awaitWriteFinish: the size must stay still for stableMs before
 * a file is read, so a slow copy is never read half-way). Each file is ingested (the sha256
 * repeat check recognises a file dropped twice) and moved to archive/DATE/ with its report, or to
 * quarantine/ with a readable .errors.txt when it could not be read at all.
 */
export function watchInbox(o: InboxOptions): Inbox {
  for (const d of [o.inbox, o.archive, o.quarantine]) mkdirSync(d, { recursive: true });
  const processing = o.processing ?? join(o.inbox, '..', 'processing');
  mkdirSync(processing, { recursive: true, mode: 0o700 });
  const log = o.log ?? (() => {});
  // A file being read when the server stopped goes back to its folder and is read again (with
  // that folder's settings): processing/<uuid>-name to the inbox, processing/<sub>/<uuid>-name to
  // inbox/<sub>/, never into a folder that has become a link.
  const giveBack = (from: string, folder: string) => {
    const dir = join(o.inbox, folder);
    mkdirSync(dir, { recursive: true });
    if (!lstatSync(dir).isDirectory()) return log(`inbox: ${folder} is not a folder: ${from} left in processing`);
    const back = join(dir, basename(from).replace(/^[0-9a-f-]{36}-/, ''));
    if (!existsSync(back)) renameSync(from, back);
  };
  for (const e of readdirSync(processing, { withFileTypes: true })) {
    if (!e.isDirectory()) giveBack(join(processing, e.name), '');
    else for (const f of readdirSync(join(processing, e.name))) giveBack(join(processing, e.name, f), e.name);
  }
  const pending = new Set<Promise<void>>();
  const handle = async (entry: string) => {
    const name = basename(entry);
    const folder = inboxFolderOf(entry, o.inbox);
    if (folder === null) return; // deeper than one folder: not watched, never read
    // Archive and quarantine names carry the subfolder, so two folders' report.csv stay apart.
    const shown = folder ? `${safeStem(folder)}-${safeStem(name)}` : safeStem(name);
    let path: string;
    try {
      path = await claimInboxFile(entry, o.inbox, processing);
    } catch (err) {
      if (!(err instanceof RefusedEntry)) throw err;
      // Not read, so nothing in the note comes from the entry. The entry is unlinked, never moved:
      // a link or pipe holds no data of its own, and a hard link's data keeps its other name
      // (moving it to quarantine would only give the linked file a readable second name there).
      const dest = join(o.quarantine, `${new Date().toISOString().replace(/[:.]/g, '-')}-${shown}`);
      rmSync(entry, { force: true });
      writeFileSync(
        `${dest}.errors.txt`,
        `This inbox entry was not read and has been removed from the inbox.\n\nentry: ${shown}\nreason: ${err.message}\n`,
      );
      log(`inbox: ${name} refused (${err.message})`);
      o.onRefused?.(name, err.message);
      return;
    }
    let options: FolderOptions;
    try {
      options = folderOptions(o.inbox, folder);
    } catch (err) {
      if (!(err instanceof SettingsError)) throw err;
      // Unusable settings: the file is kept in quarantine unread, to be dropped in again once they are fixed.
      const problem = publicMessage(err.problem) ?? '';
      const dest = join(o.quarantine, `${new Date().toISOString().replace(/[:.]/g, '-')}-${shown}`);
      move(path, dest);
      writeFileSync(
        `${dest}.errors.txt`,
        `This file was not read: the settings file of its folder cannot be used. The file is kept here unchanged; fix the settings file, then drop the file in again.\n\nentry: ${shown}\nsettings: ${err.file}\nreason: ${problem}\n`,
      );
      log(`inbox: ${name} -> quarantine (${err.file}: ${problem})`);
      o.onRefused?.(name, `settings file ${err.file}: ${problem}`);
      return;
    }
    // Every note written beside the file carries the capped, one-line message (public-message.ts).
    const ingested = await o.ingest(path, name, options);
    const report = { ...ingested, message: publicMessage(ingested.message, resolve(o.inbox, '..')) };
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const stem = `${report.ingestId}-${shown}`;
    // The message's advice names CLI flags; an inbox user gives the same in the folder's settings.
    const advice = settingsAdvice(folder, report.messageParts);
    const withAdvice = (text: string) => (advice ? `${text}${advice}\n` : text);
    if (report.status === 'failed') {
      const dest = join(o.quarantine, `${stamp}-${stem}`);
      move(path, dest);
      writeFileSync(
        `${dest}.errors.txt`,
        withAdvice(`This file could not be loaded.\n\nreason: ${report.message}\n\n${reportText(report)}`),
      );
      log(`inbox: ${name} -> quarantine (${report.message})`);
      return;
    }
    const dir = join(o.archive, stamp.slice(0, 10));
    mkdirSync(dir, { recursive: true });
    const dest = join(dir, stem);
    move(path, dest);
    writeFileSync(`${dest}.report.txt`, withAdvice(reportText(report)));
    writeFileSync(`${dest}.report.json`, JSON.stringify(report, null, 2) + '\n');
    log(
      `inbox: ${name} -> archive (${report.status === 'repeated' ? report.message : `${report.inserted} ${report.kind === 'calls' ? 'calls inserted' : 'rows stored'}`})`,
    );
  };
  const watcher: FSWatcher = watch(o.inbox, {
    depth: 1, // the inbox and one level of subfolders (each may hold its own settings)
    followSymlinks: false, // a link is reported as itself and refused, never read through
    ignoreInitial: false, // files dropped while the server was down are picked up at start
    ignored: (p: string) => IGNORED.test(basename(p)),
    awaitWriteFinish: {
      stabilityThreshold: o.stableMs,
      pollInterval: Math.max(50, Math.min(500, Math.round(o.stableMs / 4))),
    },
  });
  // 'add' is a regular file or a followed link; 'raw' events are not needed: pipes and devices
  // show up as 'add' too, and claimInboxFile refuses them without blocking.
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
