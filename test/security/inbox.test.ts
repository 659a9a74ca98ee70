import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchInbox, type Inbox } from '../../server/ingest/inbox.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';
import { inboxDirs, ingestInto, sleep, until } from '../ingest/inbox-fixture.ts';

const SECRET = 'THE-SECRET-KEY-LINE-9f8e7d6c5b4a';

const everything = (dir: string): string =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');

describe('inbox: regular files only, nothing from outside the data folder', () => {
  let t: TempStore;
  let inbox: Inbox | null = null;
  afterEach(async () => {
    await inbox?.close();
    inbox = null;
    t?.close();
  });

  async function start() {
    t = await formatStore();
    // The secret lives in the data folder beside the inbox, like callee-hash.key.
    writeFileSync(join(t.dir, 'secret.key'), `${SECRET}\nsecond line\n`);
    const d = inboxDirs(t);
    const refused: string[] = [];
    const ingested: string[] = [];
    inbox = watchInbox({
      ...d,
      stableMs: 300,
      onRefused: (name, reason) => refused.push(`${name}: ${reason}`),
      ingest: (path, fileName) => {
        ingested.push(fileName);
        return ingestInto(t)(path, fileName);
      },
    });
    await sleep(200);
    return { ...d, refused, ingested };
  }

  it('refuses a symlink, a hard link and a FIFO without reading them or blocking the write queue', async () => {
    const d = await start();
    symlinkSync(join(t.dir, 'secret.key'), join(d.inbox, 'k.csv'));
    symlinkSync('../secret.key', join(d.inbox, 'rel.csv'));
    linkSync(join(t.dir, 'secret.key'), join(d.inbox, 'hard.csv'));
    execFileSync('mkfifo', [join(d.inbox, 'f.csv')]);
    await until(() => d.refused.length === 4);
    expect(d.refused.sort()).toEqual([
      expect.stringMatching(/^f\.csv: a named pipe/),
      expect.stringMatching(/^hard\.csv: a hard link/),
      expect.stringMatching(/^k\.csv: a symbolic link/),
      expect.stringMatching(/^rel\.csv: a symbolic link/),
    ]);
    expect(d.ingested).toEqual([]);
    // The write queue still runs: a real file after them loads.
    copyFileSync(join(FORMATS_DIR, 'asterisk_db.csv'), join(d.inbox, 'ok.csv'));
    await until(() => d.ingested.includes('ok.csv'));
    await inbox!.idle();
    const history = (
      await t.api<{ ingests: { fileName: string; status: string; message: string | null }[] }>('/api/ingests')
    ).body.ingests;
    expect(history.map((h) => [h.fileName, h.status])).toEqual([['ok.csv', 'loaded']]);
    // The secret is nowhere: not in the API, not in quarantine notes, not in the archive.
    expect(JSON.stringify(history)).not.toContain(SECRET);
    expect(everything(d.quarantine)).not.toContain(SECRET);
    expect(everything(d.quarantine)).toContain('only regular files are read');
    expect(everything(d.archive)).not.toContain(SECRET);
    // The key itself is untouched.
    expect(readFileSync(join(t.dir, 'secret.key'), 'utf8')).toContain(SECRET);
    expect(existsSync(join(d.inbox, 'k.csv'))).toBe(false);
  });

  it('an unreadable regular file is quarantined with a one-line, capped reason that quotes no content line', async () => {
    const d = await start();
    writeFileSync(join(d.inbox, 'junk.csv'), `${SECRET},${'x'.repeat(5000)}\n${SECRET}2,y\n`);
    await until(() => d.ingested.includes('junk.csv'));
    await inbox!.idle();
    const [row] = (await t.api<{ ingests: { status: string; message: string }[] }>('/api/ingests')).body.ingests;
    expect(row!.status).toBe('failed');
    expect(row!.message.length).toBeLessThanOrEqual(300);
    expect(row!.message).not.toContain(`${SECRET}2`); // the second line is never quoted
    const note = readdirSync(d.quarantine)
      .filter((f) => f.endsWith('.errors.txt'))
      .map((f) => readFileSync(join(d.quarantine, f), 'utf8'))
      .join('\n');
    expect(note).toContain('no known format');
    expect(note).not.toContain(`${SECRET}2`);
    expect(note).not.toContain('x'.repeat(400));
  });

  it('an entry named with ../ stays a name: nothing outside the inbox is touched', async () => {
    const d = await start();
    mkdirSync(join(d.inbox, 'sub', 'deeper'), { recursive: true });
    copyFileSync(join(FORMATS_DIR, 'asterisk_db.csv'), join(d.inbox, 'sub', 'deeper', 'deep.csv'));
    copyFileSync(join(FORMATS_DIR, 'asterisk_db.csv'), join(d.inbox, 'x..%2F..%2Fescape.csv'));
    await until(() => d.ingested.length === 1).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify([d.ingested, d.refused, readdirSync(d.inbox)])}`);
    });
    await inbox!.idle();
    expect(d.ingested).toEqual(['x..%2F..%2Fescape.csv']); // sub/deeper/ is not watched (one folder level only)
    expect(readdirSync(t.dir).filter((f) => f.includes('escape'))).toEqual([]);
  });
});
