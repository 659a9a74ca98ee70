import { afterEach, describe, expect, it } from 'vitest';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** The traps of CDR-FORMATS.md, each checked on the stored calls, not just the counts. */
describe('format traps', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const call = async (id: string) =>
    (
      await t.store.db.query(
        `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS started_utc, hour, disposition, answered_by,
            hangup_by, hangup_cause, ring_seconds, talk_seconds, callee_id, caller_number, campaign, agent_id
     FROM calls WHERE call_id = $id`,
        { id },
      )
    )[0] as Record<string, unknown> | undefined;

  it('Asterisk: a fork is one call from the first start; usegmtime files need --timezone UTC', async () => {
    t = await formatStore();
    await t.ingest('asterisk_cdr_csv_21.csv', { timezone: 'UTC' });
    expect(await call('1726536600.1')).toMatchObject({
      started_utc: '2024-09-17 01:30:00',
      hour: 9,
      disposition: 'answered',
      hangup_by: 'callee',
      hangup_cause: '16',
      ring_seconds: 12,
      talk_seconds: 6,
      caller_number: '02150001234',
      campaign: 'sales1',
    });
    // hangupsource = the calling channel: our side. billsec 0 but ANSWERED: still answered, party unknown.
    expect(await call('1726537200.5')).toMatchObject({ hangup_by: 'agent', talk_seconds: 40, ring_seconds: 9 });
    expect(await call('1726539000.11')).toMatchObject({ disposition: 'answered', talk_seconds: 0, hangup_by: null });
    expect(await call('pbx1-1726538400.9')).toMatchObject({ disposition: 'busy' });
    expect(await call('1726540200.15')).toMatchObject({ disposition: 'failed' });
  });

  it('Asterisk: without --timezone, naive times are read in the offset the uniqueid epochs state', async () => {
    t = await formatStore();
    const r = await t.ingest('asterisk_cdr_csv_21.csv');
    expect(r).toMatchObject({ sourceTimezone: '+00:00', timezoneInferred: true });
    expect(await call('1726536600.1')).toMatchObject({ started_utc: '2024-09-17 01:30:00', hour: 9 });
  });

  it('Asterisk: without epochs (16 columns), naive times default to the business timezone', async () => {
    t = await formatStore();
    const r = await t.ingest('asterisk_cdr_csv_16.csv');
    expect(r).toMatchObject({ sourceTimezone: 'Asia/Shanghai', timezoneInferred: false });
  });

  it('Asterisk: the <accountcode>.csv copy of Master.csv rows is recognised as duplicates', async () => {
    t = await formatStore();
    await t.ingest('asterisk_cdr_csv_21.csv');
    const r = await t.ingest('asterisk_cdr_csv_21_sales2.csv');
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 2, calls: 2, inserted: 0, duplicates: 2, rejected: 0 });
  });

  it('Asterisk: 16 columns without uniqueid fold forks by calling channel and start', async () => {
    t = await formatStore();
    await t.ingest('asterisk_cdr_csv_16.csv');
    expect(await call('SIP/1001-00000010|2024-09-17 09:00:00')).toMatchObject({
      disposition: 'answered',
      talk_seconds: 8,
      ring_seconds: 7,
    });
  });

  it('FreeSWITCH: "&" destination is no number, quoted names survive, MEDIA_TIMEOUT is the system', async () => {
    t = await formatStore();
    await t.ingest('freeswitch_default.csv');
    expect(await call('6f1c2a10-0001-4000-8000-000000000002')).toMatchObject({
      disposition: 'no_answer',
      callee_id: null,
    });
    expect(await call('6f1c2a10-0001-4000-8000-000000000003')).toMatchObject({
      disposition: 'busy',
      campaign: 'campA',
    });
    expect(await call('6f1c2a10-0001-4000-8000-000000000004')).toMatchObject({
      disposition: 'answered',
      hangup_by: 'system',
      talk_seconds: 20,
    });
    // One uuid three times: the answered row speaks for the call.
    expect(await call('6f1c2a10-0001-4000-8000-000000000005')).toMatchObject({
      disposition: 'answered',
      talk_seconds: 45,
      hangup_cause: 'NORMAL_CLEARING',
    });
  });

  it('FreeSWITCH: A and B legs are one call; ring from the A start, talk, cause and party from the B leg', async () => {
    t = await formatStore();
    await t.ingest('freeswitch_ab_legs.csv', { timezone: 'UTC' });
    expect(await call('aaaaaaaa-0000-4000-8000-000000000001')).toMatchObject({
      disposition: 'answered',
      ring_seconds: 8,
      talk_seconds: 62,
      hangup_by: 'callee',
      hangup_cause: 'NORMAL_CLEARING',
      caller_number: '1001',
    });
    expect(await call('aaaaaaaa-0000-4000-8000-000000000002')).toMatchObject({
      disposition: 'busy',
      hangup_cause: 'USER_BUSY',
      talk_seconds: 0,
    });
    // Its B leg came first in the file: still folded into the A leg's call.
    expect(await call('aaaaaaaa-0000-4000-8000-000000000004')).toMatchObject({
      ring_seconds: 3,
      talk_seconds: 6,
      hangup_by: 'callee',
    });
    expect(await call('bbbbbbbb-0000-4000-8000-000000000004')).toBeUndefined();
    expect(await call('aaaaaaaa-0000-4000-8000-000000000003')).toBeUndefined(); // inbound: not stored
  });

  it('zero dates mean "no time": MySQL 0000-00-00, epoch 0 of old FreeSWITCH', async () => {
    t = await formatStore();
    const { writeFileSync } = await import('node:fs');
    const path = `${t.dir}/old-fs.csv`;
    writeFileSync(
      path,
      [
        '"Outbound Call","02150009999","13800138901","default","2024-09-17 09:00:00","1970-01-01 08:00:00","2024-09-17 09:00:30","30","0","NO_ANSWER","6f1c2a10-0009-4000-8000-000000000001","", "campZ"',
        '"Outbound Call","02150009999","13800138902","default","2024-09-17 09:01:00","0000-00-00 00:00:00","2024-09-17 09:01:20","20","0","USER_BUSY","6f1c2a10-0009-4000-8000-000000000002","", "campZ"',
      ].join('\n') + '\n',
    );
    const r = await t.ingest(path);
    expect(r).toMatchObject({ format: 'freeswitch_cdr_csv', inserted: 2, rejected: 0 });
    expect(await call('6f1c2a10-0009-4000-8000-000000000001')).toMatchObject({
      disposition: 'no_answer',
      ring_seconds: 30,
    });
    expect(await call('6f1c2a10-0009-4000-8000-000000000002')).toMatchObject({ disposition: 'busy' });
  });

  it('FreeSWITCH: sip_hangup_disposition on the customer leg', async () => {
    t = await formatStore();
    await t.ingest('freeswitch_example_disposition.csv');
    const got = await t.store.db.query<{ call_id: string; disposition: string; hangup_by: string | null }>(
      'SELECT call_id, disposition, hangup_by FROM calls ORDER BY call_id',
    );
    expect(got.map((r) => `${r.disposition}/${r.hangup_by}`)).toEqual([
      'answered/callee',
      'answered/callee',
      'answered/agent',
      'no_answer/null',
      'busy/null',
      'rejected/null',
    ]);
  });

  it('FreeSWITCH: Excel-resaved timestamps without seconds', async () => {
    t = await formatStore();
    await t.ingest('freeswitch_excel_resaved.csv', { timezone: 'UTC' });
    expect(await call('6f1c2a10-0003-4000-8000-000000000001')).toMatchObject({
      started_utc: '2020-02-10 22:41:00',
      talk_seconds: 28,
    });
  });

  for (const order of ['insights first', 'calls first']) {
    it(`Twilio: Voice Insights say who hung up (${order})`, async () => {
      t = await formatStore();
      const files = ['twilio_insights.jsonl', 'twilio_calls_rest.csv'];
      const reports = [];
      for (const f of order === 'insights first' ? files : files.reverse()) reports.push(await t.ingest(f));
      const insights = reports.find((r) => r.format === 'twilio_insights')!;
      // RFC 2822 times with +0000: the file is reported as read in UTC, not the business zone.
      expect(reports.find((r) => r.format === 'twilio_calls')).toMatchObject({
        sourceTimezone: '+00:00',
        timezoneInferred: true,
      });
      expect(insights).toMatchObject({ kind: 'evidence', rowsRead: 3, folded: 3, calls: 0, inserted: 0 });
      const { body: s } = await t.api<Record<string, number>>('/api/summary');
      expect({ answered: s.answered, hangups: s.hangups, early: s.earlyHangups, unknown: s.unknownParty }).toEqual({
        answered: 3,
        hangups: 2,
        early: 2,
        unknown: 0,
      });
      expect(await call('CA00000000000000000000000000000001')).toMatchObject({
        hangup_by: 'callee',
        ring_seconds: 7,
        talk_seconds: 5,
        started_utc: '2024-09-17 01:00:00',
      });
      expect(await call('CA00000000000000000000000000000003')).toMatchObject({
        hangup_by: 'agent',
        answered_by: 'machine',
      });
      expect(await call('CA00000000000000000000000000000002')).toBeUndefined(); // the child leg is not a call
      expect(await call('CA00000000000000000000000000000008')).toMatchObject({
        disposition: 'no_answer',
        ring_seconds: null,
      });
    });
  }

  it('Connect: newest re-delivery wins, a transfer chain is one call ending with its last contact', async () => {
    t = await formatStore();
    await t.ingest('connect_ctr.jsonl');
    expect(await call('c1')).toMatchObject({
      disposition: 'answered',
      hangup_by: 'callee',
      talk_seconds: 7,
      ring_seconds: 8,
      agent_id: 'ana',
      answered_by: 'human',
    });
    expect(await call('c2a')).toMatchObject({
      disposition: 'answered',
      hangup_by: 'callee',
      hangup_cause: 'CUSTOMER_DISCONNECT',
      talk_seconds: 160,
    });
    // CUSTOMER_DISCONNECT without ConnectedToSystemTimestamp: declined while ringing, not a hang-up.
    expect(await call('c3')).toMatchObject({ disposition: 'rejected', talk_seconds: 0 });
    expect(await call('c6')).toMatchObject({ answered_by: 'machine', hangup_by: 'system' });
    expect(await call('c8')).toBeUndefined();
  });

  it('Chinese export: tab-prefixed numbers, masked numbers, 1分12秒, 2024/9/17 9:03', async () => {
    t = await formatStore();
    await t.ingest('cn_export_gbk.csv');
    const rows = await t.store.db.query<Record<string, unknown>>(
      `SELECT strftime(started_at AT TIME ZONE 'Asia/Shanghai', '%Y-%m-%d %H:%M:%S') AS local, callee_id, caller_number, talk_seconds, hangup_by, disposition, agent_id, campaign
       FROM calls ORDER BY started_at`,
    );
    expect(rows[0]).toMatchObject({
      local: '2024-09-17 09:03:00',
      talk_seconds: 5,
      hangup_by: 'callee',
      caller_number: '02150001234',
      agent_id: 'A001',
      campaign: '贷款营销',
    });
    expect(String(rows[0]!.callee_id)).toMatch(/^h:[0-9a-f]{24}$/);
    expect(rows[1]).toMatchObject({ talk_seconds: 72, hangup_by: 'agent' });
    expect(rows[2]).toMatchObject({ callee_id: '138****5678', disposition: 'no_answer' });
    expect(rows.map((r) => r.disposition)).toEqual([
      'answered',
      'answered',
      'no_answer',
      'answered',
      'busy',
      'rejected',
    ]);
  });

  it('VICIdial: CALLER is the customer, VDAD is no agent, NULL is empty', async () => {
    t = await formatStore();
    await t.ingest('vicidial_log.tsv');
    expect(await call('1726534800.1001')).toMatchObject({
      hangup_by: 'callee',
      talk_seconds: 120,
      agent_id: 'agent01',
      answered_by: 'human',
    });
    expect(await call('1726535000.1003')).toMatchObject({ disposition: 'no_answer', agent_id: null, ring_seconds: 30 });
    expect(await call('1726535200.1005')).toMatchObject({ answered_by: 'machine', hangup_by: null });
    expect(await call('1726535300.1006')).toMatchObject({ hangup_by: 'callee', hangup_cause: 'ABANDON' });
  });

  it('a mapping file sets the timezone of naive timestamps', async () => {
    t = await formatStore();
    const { loadMapping } = await import('../../server/ingest/formats/mapping-file.ts');
    const r = await t.ingest('acme_dialer.csv', {
      mapping: loadMapping('sample-data/formats/acme_dialer.mapping.yaml'),
    });
    expect(r.sourceTimezone).toBe('Europe/London');
    // 09:00 in London (BST) = 08:00 UTC = 16:00 in Shanghai.
    expect(await call('ACME-1')).toMatchObject({
      started_utc: '2024-09-17 08:00:00',
      hour: 16,
      hangup_by: 'callee',
      hangup_cause: '16',
    });
    expect(await call('ACME-4')).toMatchObject({ hangup_by: null, hangup_cause: '16' });
  });

  it('unknown party is reported, never counted as "not the callee", and warned about', async () => {
    t = await formatStore();
    await t.ingest('vicidial_export.tsv');
    const { body: s } = await t.api<{
      unknownParty: number;
      unknownPartyShare: number;
      hangups: number;
      warnings: { code: string }[];
    }>('/api/summary');
    expect(s).toMatchObject({ unknownParty: 2, unknownPartyShare: 1, hangups: 0 });
    expect(s.warnings.map((w) => w.code)).toEqual(['unknown_hangup_party']);
    const stored = await t.store.db.query<{ n: number }>(
      'SELECT count(*)::INTEGER AS n FROM calls WHERE is_answered AND hangup_by IS NULL AND NOT is_callee_hangup',
    );
    expect(stored[0]!.n).toBe(2);
  });

  it('no warning when the source says who hung up', async () => {
    t = await formatStore();
    await t.ingest('freeswitch_example_disposition.csv');
    const { body: s } = await t.api<{ warnings: unknown[] }>('/api/summary');
    expect(s.warnings).toEqual([]);
  });
});
