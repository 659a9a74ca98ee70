import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMapping } from '../../server/ingest/formats/mapping-file.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';
import { expectBuckets } from './accounting.ts';

/**
 * Real exports from public repositories (sample-data/formats/real/README.md names each source).
 * Every number was counted by hand from the rows; the comment above each case says how.
 */
interface Case {
  file: string;
  format: string;
  rows: number;
  calls: number;
  folded: number;
  inserted: number;
  rejected: number;
  inbound: number;
  answered: number;
  unknown: number;
  /** Answered calls with talk < 10 s, whoever hung up (the short-call numerator), counted from billsec. */
  short: number;
  /** The offset the uniqueid epochs state (start - uniqueid, checked with `date -u -d @…`), or the business zone. */
  zone: string;
  inferred: boolean;
}

const R = `${FORMATS_DIR}/real/`;
const CASES: Case[] = [
  // 40 rows, 13 distinct linkedids; every call's first leg (uniqueid = linkedid) is in context
  // `stadion-pstn`: 13 inbound calls, no dial stored (it used to store 6 dials, with the bridged
  // legs of 3 answered calls in the rejects file).
  {
    file: 'asterisk_stadion_pstn.csv',
    format: 'asterisk_cdr_csv',
    rows: 40,
    calls: 13,
    folded: 27,
    inserted: 0,
    rejected: 0,
    inbound: 13,
    answered: 0,
    unknown: 0,
    short: 0,
    zone: '+00:00',
    inferred: true,
  },
  // 5 rows with one uniqueid = one call; its first row was answered at its start: inbound.
  // (It used to say "5 rejected".)
  {
    file: 'asterisk_testsuite_good.csv',
    format: 'asterisk_cdr_csv',
    rows: 5,
    calls: 1,
    folded: 4,
    inserted: 0,
    rejected: 0,
    inbound: 1,
    answered: 0,
    unknown: 0,
    short: 0,
    zone: '+00:00',
    inferred: true,
  },
  // 14 rows, 14 uniqueids, context `default`, answer after start: 14 outbound dials, 11 ANSWERED,
  // none says who hung up.
  {
    file: 'asterisk_custom_utc3.csv',
    format: 'asterisk_cdr_custom',
    rows: 14,
    calls: 14,
    folded: 0,
    inserted: 14,
    rejected: 0,
    inbound: 0,
    answered: 11,
    unknown: 11,
    short: 8,
    zone: '+03:00',
    inferred: true,
  },
  // (1690325492 = 2023-07-25 22:51:32 UTC, start 2023-07-26 01:51:32: UTC+3.) billsec < 10 on 8 answered rows.
  // 10 rows, uuid 7adced1a… three times: 8 calls; f1542038… NO_USER_RESPONSE unanswered; 7 answered,
  // RECOVERY_ON_TIMER_EXPIRE = the system ended it, the other 6 unknown. One answered call talks 9 s.
  {
    file: 'freeswitch_excel_minutes.csv',
    format: 'freeswitch_cdr_csv',
    rows: 10,
    calls: 8,
    folded: 2,
    inserted: 8,
    rejected: 0,
    inbound: 0,
    answered: 7,
    unknown: 6,
    short: 1,
    zone: 'Asia/Shanghai',
    inferred: false,
  },
  // FreeSWITCH `example` template as written (quotes, seconds), legs=ab: 4 rows, 2 bridged calls. Each
  // A leg (bleg_uuid set: 99205d8f…, a03307a6…) has its B leg (02132a5c…, 515f34c7…, written first):
  // 2 calls, 2 folded. The first came in from a trunk (91342657, the author's text says so): its A
  // leg ran in the site's trunk context `blueivr` and reached feature code *1003, not a phone
  // number: inbound (it used to be stored as a dial). The second, extension 1001 to 1002 in
  // `default`: a dial, answered, billsec 6: 1 short call, no party (no sip_hangup_disposition).
  // Stamps carry no zone.
  {
    file: 'freeswitch_example_legs_ab.csv',
    format: 'freeswitch_cdr_csv',
    rows: 4,
    calls: 2,
    folded: 2,
    inserted: 1,
    rejected: 0,
    inbound: 1,
    answered: 1,
    unknown: 1,
    short: 1,
    zone: 'Asia/Shanghai',
    inferred: false,
  },
  // The same site with legs=a: 2 rows, 2 calls. 91342657 from the trunk to *1001 in `blueivr`:
  // inbound (it used to be stored as a dial); 1001 to 1002 in `default`, answered, billsec 5: a dial.
  {
    file: 'freeswitch_example_legs_a.csv',
    format: 'freeswitch_cdr_csv',
    rows: 2,
    calls: 2,
    folded: 0,
    inserted: 1,
    rejected: 0,
    inbound: 1,
    answered: 1,
    unknown: 1,
    short: 1,
    zone: 'Asia/Shanghai',
    inferred: false,
  },
  // mod_callcenter, legs=ab: a caller (19083426) rings queue 3000. The agent's B leg (1c2888e3…,
  // `default`) is written first; the A leg (d26a29f9…, bleg_uuid = the B leg) ran in `blueivr`,
  // reached queue 3000 and was answered at its own start (08:43:13) by the queue: 1 call, 1 folded,
  // inbound (it used to be stored as one answered outbound dial with 4 s talk).
  {
    file: 'freeswitch_callcenter_queue.csv',
    format: 'freeswitch_cdr_csv',
    rows: 2,
    calls: 1,
    folded: 1,
    inserted: 0,
    rejected: 0,
    inbound: 1,
    answered: 0,
    unknown: 0,
    short: 0,
    zone: 'Asia/Shanghai',
    inferred: false,
  },
  // A JSON array of 6 contact records, all ContactId 6fe40d2a… (3 LastUpdateTimestamps, each twice):
  // 1 call, 5 folded; InitiationMethod INBOUND: counted apart, nothing stored. Every time ends in Z:
  // the file is read, and reported, as UTC (it used to say the business zone).
  {
    file: 'connect_ctr_redelivered.json',
    format: 'connect_ctr',
    rows: 6,
    calls: 1,
    folded: 5,
    inserted: 0,
    rejected: 0,
    inbound: 1,
    answered: 0,
    unknown: 0,
    short: 0,
    zone: '+00:00',
    inferred: true,
  },
  // 60 rows, 53 linkedids; 12 calls have a `did` (the number dialled in: 11 from the trunk context
  // VIOrig, 1 an extension calling the company's own DID): inbound. 41 dials, 28 of them ANSWERED,
  // 8 of those with the answered leg's billsec < 10.
  {
    file: 'mysql_cdr_trunk_inbound.csv',
    format: 'asterisk_db',
    rows: 60,
    calls: 53,
    folded: 7,
    inserted: 41,
    rejected: 0,
    inbound: 12,
    answered: 28,
    unknown: 28,
    short: 8,
    zone: '-05:00',
    inferred: true,
  },
];

describe('real exports', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it.each(CASES)('$file', async (c) => {
    t = await formatStore();
    const r = await t.ingest(R + c.file);
    expectBuckets(r, c);
    expect(r.format).toBe(c.format);
    expect(r.unknownParty).toBe(c.unknown);
    expect({ zone: r.sourceTimezone, inferred: r.timezoneInferred }).toEqual({ zone: c.zone, inferred: c.inferred });
    const { body: s } = await t.api<Record<string, number>>('/api/summary');
    expect({ dials: s.dials, answered: s.answered }).toEqual({ dials: c.inserted, answered: c.answered });
    const [short] = await t.store.db.query(
      'SELECT count(*)::INTEGER AS n FROM calls WHERE is_answered AND talk_seconds < 10',
    );
    expect(short).toEqual({ n: c.short });
    const { body: h } = await t.api<{ ingests: Record<string, unknown>[] }>('/api/ingests');
    expect(h.ingests[0]).toMatchObject({
      rowsRead: c.rows,
      calls: c.calls,
      inserted: c.inserted,
      inbound: c.inbound,
      sourceTimezone: c.zone,
      timezoneInferred: c.inferred,
    });
  });
});

describe('real exports: times', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const startUtc = async (id: string) =>
    (
      (
        await t.store.db.query(
          `SELECT strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS s FROM calls WHERE call_id = $id`,
          { id },
        )
      )[0] as { s: string }
    ).s;

  it('a UTC+3 Master.csv is stored at its true instant, and --timezone that disagrees is obeyed with a warning', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'asterisk_custom_utc3.csv');
    expect(r.message).toBe(
      'times read as UTC+03:00: the epochs in the file (Asterisk uniqueid) say +03:00 (14 of 14 rows)',
    );
    expect(await startUtc('1690325492.2')).toBe('2023-07-25 22:51:32');
    t.close();
    t = await formatStore();
    const told = await t.ingest(R + 'asterisk_custom_utc3.csv', { timezone: 'UTC' });
    expect(told).toMatchObject({ sourceTimezone: 'UTC', timezoneInferred: false });
    expect(told.message).toBe(
      'timezone: read in UTC as told, but the epochs in the file (Asterisk uniqueid) say +03:00 (14 of 14 rows)',
    );
    expect(await startUtc('1690325492.2')).toBe('2023-07-26 01:51:32');
  });

  it('a UTC-5 MySQL dump: 20:19:34 local is 01:19:34 UTC the next day', async () => {
    t = await formatStore();
    await t.ingest(R + 'mysql_cdr_trunk_inbound.csv');
    // linkedid 1543540817.1 (the first outbound dial) = 2018-11-30 01:20:17 UTC, calldate 2018-11-29 20:20:17.
    expect(await startUtc('1543540817.1')).toBe('2018-11-30 01:20:17');
  });
});

describe('real exports: FreePBX day-first report with a mapping', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const mappingText = readFileSync(`${FORMATS_DIR}/real/freepbx_dayfirst.mapping.yaml`, 'utf8');

  it('refuses the ambiguous dates without dateFormat, with a reason that names it', async () => {
    t = await formatStore();
    const mapping = parseMapping(mappingText.replace(/^dateFormat:.*$/m, ''));
    const r = await t.ingest(R + 'freepbx_dayfirst.csv', { mapping });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(
      /^dates such as "\d+\/9\/2017 [\d:]+" could be day-first or month-first \(no field above 12 in the file's 80 dates\); give the order with --date-order day-first or --date-order month-first, or as a pattern with --date-format or dateFormat in a mapping file/,
    );
  });

  it('loads with dateFormat: call ids from uniqueid, not the channel; day-first; UTC+1 from the epochs', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'freepbx_dayfirst.csv', { mapping: parseMapping(mappingText) });
    // 80 rows, 80 distinct uniqueids (linkedid empty); one call in from-pstn: inbound.
    // 61 ANSWERED, one of them the inbound call: 60 answered dials, none says who hung up.
    expect(r).toMatchObject({
      status: 'loaded',
      format: 'freepbx_cdr_report',
      rowsRead: 80,
      calls: 80,
      folded: 0,
      inserted: 79,
      rejected: 0,
      inbound: 1,
      unknownParty: 60,
      sourceTimezone: '+01:00',
      timezoneInferred: true,
    });
    // billsec < 10 on 42 of the 60 answered dials.
    const [short] = await t.store.db.query(
      'SELECT count(*)::INTEGER AS n FROM calls WHERE is_answered AND talk_seconds < 10',
    );
    expect(short).toEqual({ n: 42 });
    // 4/9/2017 12:16:42 at UTC+1 = 11:16:42 UTC; uniqueid 1504523802 = 2017-09-04 11:16:42 UTC.
    const [c] = await t.store.db.query(
      `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS s FROM calls WHERE call_id = '1504523802.74'`,
    );
    expect(c).toEqual({ call_id: '1504523802.74', s: '2017-09-04 11:16:42' });
    const [n] = await t.store.db.query(
      `SELECT count(*)::INTEGER AS n FROM calls WHERE call_id LIKE 'SIP/%' OR call_id LIKE '%|%'`,
    );
    expect(n).toEqual({ n: 0 });
  });
});

describe('real exports: refused with a reason', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('a headerless FreePBX report: the closest formats and what each lacked, the first line by its shape, the mapping command', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'freepbx_dayfirst.csv');
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(
      /^no known format: closest tried canonical \(missing call_id; started_at; disposition; ended_at or talk_seconds\), asterisk_db \(missing calldate or start; billsec; disposition\), /,
    );
    // A record, not a header: its values are shown by their shape only (a caller's name is `a a`).
    expect(r.message).toContain(
      'First line (a record, not a header: the file has none; its values are not shown, only their shape: 9 = a digit, a = letters): ' +
        '9/9/9999 99:99:99, "a a" <999>, 999, *99, a-a, a/999-99999999, , a, 9, 99, 99, a, 9, , 9999999999.9, , , , 999, a a, , , , 9,  (25 columns).',
    );
    expect(r.message).toMatch(
      /`npm run hangup -- mapping freepbx_dayfirst\.csv`, edit it and pass it with --mapping, or name the format with --format$/,
    );
  });
});

describe('real exports: CDR-Stats import file', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('no known format: the closest formats, the whole header, the mapping command', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'cdr_stats_import.csv');
    expect(r.status).toBe('failed');
    expect(r.message).toBe(
      'no known format: closest tried asterisk_db (missing calldate or start; disposition), ' +
        'canonical (missing started_at; disposition; ended_at or talk_seconds), twilio_calls (missing Sid or Call Sid; Status; From; To). ' +
        'Header: switch, cdr_source_type, callid, caller_id_number, caller_id_name, destination_number, dialcode, state, channel, ' +
        'starting_date, duration, billsec, progresssec, answersec, waitsec, hangup_cause_id, hangup_cause, direction, country_code, ' +
        'accountcode, buy_rate, buy_cost, sell_rate, sell_cost, extradata (25 columns). ' +
        'Write a starter mapping with `npm run hangup -- mapping cdr_stats_import.csv`, edit it and pass it with --mapping, or name the format with --format',
    );
  });

  it('with the edited draft: 5 calls, all inbound (direction 1), none stored', async () => {
    t = await formatStore();
    const mapping = parseMapping(readFileSync(`${FORMATS_DIR}/real/cdr_stats_import.mapping.yaml`, 'utf8'));
    const r = await t.ingest(R + 'cdr_stats_import.csv', { mapping });
    expect(r).toMatchObject({
      status: 'loaded',
      format: 'cdr_stats_import',
      rowsRead: 5,
      calls: 5,
      inserted: 0,
      rejected: 0,
      inbound: 5,
    });
    const { body: s } = await t.api<Record<string, number>>('/api/summary');
    expect(s.dials).toBe(0);
  });
});

describe('real exports: FreeSWITCH legs=ab and Connect re-deliveries', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('a B leg folds into the A leg that names it: the call keeps the A leg id and says why rows were folded', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'freeswitch_example_legs_ab.csv');
    expect(r.foldNotes).toEqual([
      { reason: "FreeSWITCH rows of one call (a repeated uuid, or a B leg named in its A leg's bleg_uuid)", rows: 2 },
    ]);
    // The trunk call (A leg 99205d8f…, to *1003 in `blueivr`) is inbound, not stored; the extension
    // call's A leg: 23:44:11 answered 23:44:13, billsec 6.
    expect(r).toMatchObject({ calls: 2, inserted: 1, inbound: 1 });
    const rows = await t.store.db.query(
      `SELECT call_id, talk_seconds::INTEGER AS talk, ring_seconds::INTEGER AS ring, callee_id IS NULL AS no_callee
       FROM calls ORDER BY started_at`,
    );
    expect(rows).toEqual([{ call_id: 'a03307a6-3658-4dde-a25b-bb6aecb96945', talk: 6, ring: 2, no_callee: false }]);
  });

  it('six deliveries of one Connect contact in a JSON array are one contact, the copies folded by reason', async () => {
    t = await formatStore();
    const r = await t.ingest(R + 'connect_ctr_redelivered.json');
    expect(r.foldNotes).toEqual([
      { reason: 're-delivered contact record (same ContactId; the newest LastUpdateTimestamp kept)', rows: 5 },
    ]);
  });

  it('a 40 MB JSON array of contact records reads as it streams (DuckDB refused it as one 16 MB value)', async () => {
    t = await formatStore();
    const records = JSON.parse(readFileSync(R + 'connect_ctr_redelivered.json', 'utf8')) as { ContactId: string }[];
    const copies = Math.ceil(40e6 / JSON.stringify(records).length);
    const all = Array.from({ length: copies }, (_, i) =>
      records.map((r) => JSON.stringify({ ...r, ContactId: `${r.ContactId}-${i}` })),
    ).flat();
    const file = join(t.dir, 'contacts.json');
    writeFileSync(file, `[\n${all.join(',\n')}\n]\n`);
    const r = await t.ingest(file);
    // Every copy is one inbound contact delivered six times.
    expect(r).toMatchObject({
      status: 'loaded',
      rowsRead: 6 * copies,
      calls: copies,
      folded: 5 * copies,
      inbound: copies,
    });
  }, 60_000);

  it('a canonical JSON array is still refused: canonical JSON is read line by line', async () => {
    t = await formatStore();
    const file = join(t.dir, 'calls_array.json');
    writeFileSync(
      file,
      '[{"call_id":"a","started_at":"2024-01-01T00:00:00Z","disposition":"answered","talk_seconds":3}]\n',
    );
    const r = await t.ingest(file);
    expect(r.status).toBe('failed');
    expect(r.message).toBe('a JSON array file: write one JSON object per line (JSON lines) instead');
  });
});
