import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { watchInbox, type Inbox } from '../../server/ingest/inbox.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';
import { inboxDirs, ingestInto, sleep, until } from './inbox-fixture.ts';

const STABLE_MS = 700;

/** Every file under dir, recursively, relative. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
}

describe('inbox folder', () => {
  let t: TempStore;
  let inbox: Inbox | null = null;
  afterEach(async () => {
    await inbox?.close();
    inbox = null;
    t?.close();
  });

  const logged: string[] = [];
  async function start() {
    t = await formatStore();
    const dirs = inboxDirs(t);
    logged.length = 0;
    inbox = watchInbox({ ...dirs, stableMs: STABLE_MS, ingest: ingestInto(t), log: (l) => logged.push(l) });
    await sleep(200); // let the watcher settle
    return dirs;
  }

  it('waits for a slowly written file to be complete before reading it', async () => {
    const d = await start();
    const lines = readFileSync(join(FORMATS_DIR, 'vicidial_log.tsv'), 'utf8').split('\r\n').filter(Boolean);
    const target = join(d.inbox, 'slow.tsv');
    writeFileSync(target, lines[0] + '\r\n');
    // One line every 300 ms (less than the 700 ms stability window) for about 3 s.
    for (const line of lines.slice(1)) {
      await sleep(300);
      expect(files(d.archive)).toEqual([]); // nothing read yet
      appendFileSync(target, line + '\r\n');
    }
    await until(() => files(d.archive).length === 3);
    await inbox!.idle();
    const [h] = (await t.api<{ ingests: Record<string, unknown>[] }>('/api/ingests')).body.ingests;
    expect(h).toMatchObject({ fileName: 'slow.tsv', status: 'loaded', rowsRead: 9, inserted: 8, rejected: 1 });
    expect(files(d.archive).some((f) => f.endsWith('slow.tsv.report.txt'))).toBe(true);
    expect(files(d.inbox)).toEqual([]);
  });

  it('moves an unreadable file to quarantine with a readable reason', async () => {
    const d = await start();
    writeFileSync(join(d.inbox, 'broken.csv'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x80, 0x81, 0x00]));
    await until(() => files(d.quarantine).length === 2);
    const errors = files(d.quarantine).find((f) => f.endsWith('.errors.txt'))!;
    const text = readFileSync(join(d.quarantine, errors), 'utf8');
    expect(text).toMatch(/could not be loaded/);
    expect(text).toMatch(/reason: .*(UTF-16|binary|not UTF-8)/);
  });

  /** Drops sample files into the inbox one after the other, each archived (with its two reports) before the next. */
  async function dropInTurn(d: { inbox: string; archive: string }, drops: [sample: string, name: string][]) {
    for (const [i, [sample, name]] of drops.entries()) {
      copyFileSync(join(FORMATS_DIR, sample), join(d.inbox, name));
      await until(() => files(d.archive).length === 3 * (i + 1));
      await inbox!.idle();
    }
  }

  it('recognises a file dropped twice and archives the repeat without loading it', async () => {
    const d = await start();
    await dropInTurn(d, [
      ['cn_export_gbk.csv', 'cn.csv'],
      ['cn_export_gbk.csv', 'cn-again.csv'],
    ]);
    const { body } = await t.api<{ ingests: { status: string; message: string | null }[] }>('/api/ingests');
    expect(body.ingests.map((i) => i.status)).toEqual(['repeated', 'loaded']);
    expect(body.ingests[0]!.message).toMatch(/already ingested/);
    expect((await t.api<{ dials: number }>('/api/summary')).body.dials).toBe(6);
  });

  it('logs what each archived file stored: calls for call records, rows for a dimension file', async () => {
    const d = await start();
    await dropInTurn(d, [
      ['cn_export_gbk.csv', 'cn.csv'],
      ['dim_customers.csv', 'customers.csv'],
    ]);
    expect(logged).toEqual([
      'inbox: cn.csv -> archive (6 calls inserted)',
      expect.stringMatching(/^inbox: customers\.csv -> archive \(\d+ rows stored\)$/),
    ]);
  });

  it('ignores partial copies (.part) until they are renamed', async () => {
    const d = await start();
    mkdirSync(d.inbox, { recursive: true });
    copyFileSync(join(FORMATS_DIR, 'asterisk_db.csv'), join(d.inbox, 'db.csv.part'));
    await sleep(STABLE_MS + 600);
    expect(files(d.archive)).toEqual([]);
  });
});
