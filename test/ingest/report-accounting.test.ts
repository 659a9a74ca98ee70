import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditIngest, recentAudit } from '../../server/auth/audit.ts';
import { watchInbox, type Inbox } from '../../server/ingest/inbox.ts';
import type { IngestReport } from '../../server/ingest/ingest-types.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';
import { inboxDirs, ingestInto, sleep, until } from './inbox-fixture.ts';

/** Every file under dir, recursively, with its path relative to dir. */
function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /\.\w+$/.test(f)).sort();
}

/** The numbers of one "name: total = a x + b y + ..." line of a .report.txt. */
function equation(text: string, name: string): { total: number; parts: Record<string, number> } {
  const line = text.split('\n').find((l) => l.startsWith(`${name}: `));
  expect(line, `${name} line in\n${text}`).toBeDefined();
  const [, total, rest] = /^[^:]+: (\d+) = (.*)$/.exec(line!)!;
  const parts = Object.fromEntries(
    rest!.split(' + ').map((p) => {
      const [, k, v] = /^(.+) (\d+)$/.exec(p)!;
      return [k!, Number(v)];
    }),
  );
  return { total: Number(total), parts };
}

const sum = (o: Record<string, number> | number[]) => Object.values(o).reduce((a, b) => a + b, 0);

describe("the inbox report's accounting", () => {
  let t: TempStore;
  let inbox: Inbox | null = null;
  afterEach(async () => {
    await inbox?.close();
    inbox = null;
    t?.close();
  });

  it('adds up for a file with every bucket: folded legs, a skipped row, inserted, duplicate, rejected, inbound', async () => {
    t = await formatStore();
    const d = inboxDirs(t);
    inbox = watchInbox({ ...d, stableMs: 500, ingest: ingestInto(t) });
    await sleep(200);
    // c3 stored first: the Connect file's c3 is then a duplicate.
    writeFileSync(
      join(d.inbox, 'first.csv'),
      'call_id,started_at,talk_seconds,disposition\nc3,2024-09-17 09:00:00,12,answered\n',
    );
    await until(() => files(d.archive).length === 3);
    await inbox.idle();
    // connect_ctr.jsonl (10 records: a re-delivery and a transfer folded, a chat contact skipped,
    // an inbound contact) and one contact whose start is not a time (rejected).
    const bad = JSON.stringify({
      AWSContactTraceRecordFormatVersion: '2017-03-10',
      Channel: 'VOICE',
      ContactId: 'c9',
      InitiationMethod: 'API',
      CustomerEndpoint: { Address: '+8613800138809', Type: 'TELEPHONE_NUMBER' },
      InitiationTimestamp: 'yesterday',
      DisconnectReason: 'TELECOM_UNANSWERED',
      LastUpdateTimestamp: '2024-09-17T03:00:00Z',
    });
    writeFileSync(
      join(d.inbox, 'connect.jsonl'),
      readFileSync(join(FORMATS_DIR, 'connect_ctr.jsonl'), 'utf8').trimEnd() + '\n' + bad + '\n',
    );
    await until(() => files(d.archive).length === 6);
    await inbox.idle();

    const stem = files(d.archive).find((f) => f.endsWith('connect.jsonl.report.json'))!;
    const r = JSON.parse(readFileSync(join(d.archive, stem), 'utf8')) as IngestReport;
    const text = readFileSync(join(d.archive, stem.replace(/\.json$/, '.txt')), 'utf8');
    // Every bucket is there.
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 11, calls: 8, folded: 3 });
    expect(r).toMatchObject({ inserted: 5, duplicates: 1, rejected: 1, inbound: 1 });

    const rows = equation(text, 'rows read');
    expect(rows).toEqual({ total: r.rowsRead, parts: { calls: r.calls, folded: r.folded } });
    expect(sum(rows.parts)).toBe(rows.total);
    // The fold notes (folded legs and skipped rows, each by its reason) add up to folded.
    const notes = text
      .split('\n')
      .filter((l) => l.startsWith('  folded: '))
      .map((l) => Number(/: (\d+)$/.exec(l)![1]));
    expect(sum(notes)).toBe(r.folded);
    expect(text).toMatch(/folded: non-voice contact \(chat or task\), not a call: 1/);

    const calls = equation(text, 'calls');
    expect(calls).toEqual({
      total: r.calls,
      parts: { inserted: r.inserted, duplicates: r.duplicates, rejected: r.rejected, inbound: r.inbound },
    });
    expect(sum(calls.parts)).toBe(calls.total);

    // The audit row of the file counts the inbound call too.
    await auditIngest(t.store.db, { actor: 'inbox', action: 'inbox' }, r);
    const [entry] = await recentAudit(t.store.db);
    expect(entry!.counts).toEqual({ inserted: 5, duplicates: 1, rejected: 1, inbound: 1 });
  });

  it('a dimension file adds up as stored + duplicates + rejected', async () => {
    t = await formatStore();
    const d = inboxDirs(t);
    inbox = watchInbox({ ...d, stableMs: 500, ingest: ingestInto(t) });
    await sleep(200);
    writeFileSync(join(d.inbox, 'customers.csv'), readFileSync(join(FORMATS_DIR, 'dim_customers.csv')));
    await until(() => files(d.archive).length === 3);
    await inbox.idle();
    const stem = files(d.archive).find((f) => f.endsWith('.report.json'))!;
    const r = JSON.parse(readFileSync(join(d.archive, stem), 'utf8')) as IngestReport;
    const text = readFileSync(join(d.archive, stem.replace(/\.json$/, '.txt')), 'utf8');
    expect(r.kind).toBe('dimension');
    expect(r.inserted).toBeGreaterThan(0);
    const rows = equation(text, 'rows read');
    expect(rows).toEqual({
      total: r.rowsRead,
      parts: { stored: r.inserted, duplicates: r.duplicates, rejected: r.rejected },
    });
    expect(sum(rows.parts)).toBe(rows.total);
  });
});
