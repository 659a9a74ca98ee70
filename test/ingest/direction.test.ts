import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** Issue 9 point 2: every call is outbound or inbound, decided per call after folding. */
describe('call direction', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const stored = async () =>
    (await t.store.db.query(
      `SELECT call_id, talk_seconds, ring_seconds, disposition, callee_id FROM calls ORDER BY call_id`,
    )) as Record<string, unknown>[];

  it('canonical files: an optional direction column, default outbound; inbound counted apart, never stored', async () => {
    t = await formatStore();
    const file = join(t.dir, 'dir.csv');
    writeFileSync(
      file,
      [
        'call_id,started_at,ended_at,talk_seconds,disposition,callee_id,direction',
        'o1,2026-03-02T10:00:00+08:00,2026-03-02T10:01:00+08:00,50,answered,13800138001,outbound',
        'o2,2026-03-02T10:05:00+08:00,2026-03-02T10:06:00+08:00,,no_answer,13800138002,',
        'i1,2026-03-02T10:10:00+08:00,2026-03-02T10:11:00+08:00,40,answered,13900139003,Inbound',
        'i2,2026-03-02T10:12:00+08:00,,,answered,13900139004,inbound',
        'x1,2026-03-02T10:15:00+08:00,2026-03-02T10:16:00+08:00,30,answered,13800138005,sideways',
      ].join('\n'),
    );
    const r = await t.ingest(file);
    // i2 has no end and no talk time (would be rejected): inbound wins, it is not a dial at all.
    expect(r).toMatchObject({
      status: 'loaded',
      rowsRead: 5,
      calls: 5,
      inserted: 2,
      duplicates: 0,
      rejected: 1,
      inbound: 2,
    });
    expect(r.calls).toBe(r.inserted + r.duplicates + r.rejected + r.inbound);
    expect((await stored()).map((c) => c.call_id)).toEqual(['o1', 'o2']);
    const rejects = readFileSync(r.rejectsPath!, 'utf8');
    expect(rejects).toMatch(/\n6,"direction: unknown value ""sideways"" \(inbound or outbound\)",x1,/);
    // No customer number of an inbound call is written anywhere.
    expect(rejects).not.toContain('13900139003');
    expect(rejects).not.toContain('13900139004');
    const { body: h } = await t.api<{ ingests: Record<string, unknown>[] }>('/api/ingests');
    expect(h.ingests[0]).toMatchObject({ calls: 5, inserted: 2, rejected: 1, inbound: 2 });
    const { body: s } = await t.api<Record<string, number>>('/api/summary');
    expect(s.dials).toBe(2);
  });

  it('Asterisk: a bridged leg answered at its own start does not make an outbound call inbound; talk from the bridged leg', async () => {
    t = await formatStore();
    const r = await t.ingest('asterisk_bridged_leg.csv', { timezone: 'UTC' });
    expect(r).toMatchObject({
      status: 'loaded',
      rowsRead: 3,
      calls: 1,
      folded: 2,
      inserted: 1,
      rejected: 0,
      inbound: 0,
    });
    // First leg starts 02:04:06 and is answered (by the Local channel) at 02:04:12; the trunk leg
    // talks 17 s from 02:04:12: one call, ring 6 s, talk 17 s.
    expect(await stored()).toMatchObject([
      { call_id: '1706407446.50', talk_seconds: 17, ring_seconds: 6, disposition: 'answered' },
    ]);
  });

  it('Asterisk: an inbound context on the first leg makes the whole call inbound (forks and Local legs included)', async () => {
    t = await formatStore();
    const r = await t.ingest('asterisk_cdr_csv_inbound.csv', { timezone: 'UTC' });
    expect(r).toMatchObject({ calls: 2, inserted: 1, rejected: 0, inbound: 1 });
    expect((await stored()).map((c) => c.call_id)).toEqual(['1726578300.71']);
  });

  it('a mapping rule decides direction with the rule language', async () => {
    t = await formatStore();
    const file = join(t.dir, 'm.csv');
    writeFileSync(
      file,
      'Ref;Begin;End;Talk;Result;Kind\nA1;2026-03-02 10:00:00;2026-03-02 10:01:00;50;OK;OUT\nA2;2026-03-02 10:02:00;2026-03-02 10:03:00;50;OK;IN\n',
    );
    const { parseMapping } = await import('../../server/ingest/formats/mapping-file.ts');
    const mapping = parseMapping(`
input: { delimiter: ";" }
fields:
  call_id: Ref
  started_at: Begin
  ended_at: End
  talk_seconds: Talk
  disposition: { column: Result, values: { OK: answered } }
  direction: { column: Kind, values: { IN: inbound, OUT: outbound } }
`);
    const r = await t.ingest(file, { mapping, timezone: 'UTC' });
    expect(r).toMatchObject({ status: 'loaded', calls: 2, inserted: 1, inbound: 1 });
  });

  // FreeSWITCH rows in the `example` template's shape (the real ones are in sample-data/formats/real).
  const fs = (
    name: string,
    cid: string,
    dest: string,
    ctx: string,
    start: string,
    answer: string,
    end: string,
    uuid: string,
    extra = '',
  ) =>
    `"${name}","${cid}","${dest}","${ctx}","${start}","${answer}","${end}","30","20","NORMAL_CLEARING","${uuid}","","acct","PCMU","PCMU"${extra}`;
  const uuid = (n: number) => `6f1c2a10-0009-4000-8000-00000000000${n}`;

  it('FreeSWITCH: a site context is inbound only when the caller reached an internal target or the switch answered at start', async () => {
    t = await formatStore();
    const file = join(t.dir, 'Master.csv');
    writeFileSync(
      file,
      [
        // a site's trunk context, to a queue: inbound
        fs(
          'Caller',
          '13900139001',
          '3000',
          'from_gw',
          '2026-03-02 10:00:00',
          '2026-03-02 10:00:04',
          '2026-03-02 10:00:34',
          uuid(1),
        ),
        // a site's trunk context, to a DID, answered at its start by an IVR: inbound
        fs(
          'Caller',
          '13900139002',
          '02150002222',
          'from_gw',
          '2026-03-02 10:01:00',
          '2026-03-02 10:01:00',
          '2026-03-02 10:01:30',
          uuid(2),
        ),
        // a dialer's own context dialling a customer: a dial
        fs(
          'Campaign',
          '02150002222',
          '13800138003',
          'dialer',
          '2026-03-02 10:02:00',
          '2026-03-02 10:02:06',
          '2026-03-02 10:02:36',
          uuid(3),
        ),
        // originate to an application from a site context: a dial
        fs(
          'Outbound Call',
          '02150002222',
          '&',
          'dialer',
          '2026-03-02 10:03:00',
          '2026-03-02 10:03:05',
          '2026-03-02 10:03:35',
          uuid(4),
        ),
        // `default`, answered at its start (originate, as in a CDR-Pusher sample): a dial
        fs(
          'Outbound Call',
          '13800138005',
          '13800138005',
          'default',
          '2026-03-02 10:04:00',
          '2026-03-02 10:04:00',
          '2026-03-02 10:04:30',
          uuid(5),
        ),
      ].join('\n') + '\n',
    );
    const r = await t.ingest(file, { timezone: 'UTC' });
    expect(r).toMatchObject({
      format: 'freeswitch_cdr_csv',
      status: 'loaded',
      calls: 5,
      inserted: 3,
      rejected: 0,
      inbound: 2,
    });
    expect((await stored()).map((c) => c.call_id)).toEqual([uuid(3), uuid(4), uuid(5)]);
  });

  it('FreeSWITCH: answered at start says nothing from minute stamps (an Excel round trip)', async () => {
    t = await formatStore();
    const file = join(t.dir, 'Master.csv');
    writeFileSync(
      file,
      fs(
        'Campaign',
        '02150002222',
        '13800138006',
        'dialer',
        '2026/3/2 10:05',
        '2026/3/2 10:05',
        '2026/3/2 10:06',
        uuid(6),
      ).replace(/"/g, '') + '\n',
    );
    const r = await t.ingest(file, { timezone: 'UTC' });
    expect(r).toMatchObject({ format: 'freeswitch_cdr_csv', inserted: 1, inbound: 0 });
  });

  it("FreeSWITCH: a template's ${direction} column: an A leg the switch originated is a dial in any context", async () => {
    t = await formatStore();
    const file = join(t.dir, 'Master.csv');
    writeFileSync(
      file,
      [
        // originated by the switch (a dialer's originate into its own context, to an agent's extension)
        fs(
          'Campaign',
          '02150002222',
          '1001',
          'dialer',
          '2026-03-02 10:07:00',
          '2026-03-02 10:07:09',
          '2026-03-02 10:07:39',
          uuid(7),
          ',"outbound"',
        ),
        // came in (a leg the switch did not originate) to an extension in a site context: inbound
        fs(
          'Caller',
          '13900139008',
          '1001',
          'from_gw',
          '2026-03-02 10:08:00',
          '2026-03-02 10:08:05',
          '2026-03-02 10:08:35',
          uuid(8),
          ',"inbound"',
        ),
      ].join('\n') + '\n',
    );
    const r = await t.ingest(file, { timezone: 'UTC' });
    expect(r).toMatchObject({ format: 'freeswitch_cdr_csv', calls: 2, inserted: 1, inbound: 1, extraColumns: [] });
    expect((await stored()).map((c) => c.call_id)).toEqual([uuid(7)]);
  });
});
