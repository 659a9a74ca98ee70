import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../server/contract/csv.ts';
import { Database } from '../../server/db/database.ts';
import { parseMapping } from '../../server/ingest/formats/mapping-file.ts';
import { csvRows } from '../helpers/csv-rows.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';
import { expectBuckets } from './accounting.ts';

/**
 * A data team fixes the rejects file of a dialer export in a spreadsheet and drops it in again: it
 * must hold the source's own columns and text (not canonical values), be detected as the same
 * format, and load. The callee's number is the one value it never gives back: its column holds
 * the key `calls` stores, which every format reads back as the same key.
 */
describe('the rejects file of a dialer export gives its rows back as the source wrote them', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  /** The key `calls` stores for a callee value (phone numbers hashed, other keys kept). */
  async function calleeKey(v: string): Promise<string> {
    if (v.trim() === '') return '';
    const [r] = await Database.all<{ k: string }>(
      t.store.db.writeConnection,
      "SELECT callee_key($v, getvariable('ingest_check').ipad, getvariable('ingest_check').opad) AS k",
      { v },
    );
    return r!.k;
  }

  /** A source row as its rejects file must give it: text as written (made inert), the callee as its key. */
  async function asWritten(header: string[], cells: string[], callee: string[]): Promise<string[]> {
    return Promise.all(
      cells.map((v, i) => (callee.includes(header[i]!) ? calleeKey(v) : Promise.resolve(neutralizeFormula(v)))),
    );
  }

  /**
   * The stored calls but for the callee key (each store hashes with its own key) and the ingest
   * number; `exclude` also the call id where the source has none (a hash of the record then).
   */
  const storedCalls = (s: TempStore, exclude = '') =>
    s.store.db.query(`SELECT * EXCLUDE (callee_id, ingest_id${exclude}) FROM calls ORDER BY started_at, call_id`);

  /** The unbroken example file, loaded in a store of its own (closed with the test's). */
  let twin: TempStore | undefined;
  afterEach(() => twin?.close());
  async function cleanLoad(file: string, opts: { timezone?: string } = {}): Promise<TempStore> {
    twin = await formatStore();
    expect((await twin.ingest(file, opts)).status).toBe('loaded');
    return twin;
  }

  const write = (name: string, content: string | Buffer) => {
    const f = join(t.dir, name);
    writeFileSync(f, content);
    return f;
  };

  it('FreeSWITCH A/B legs (no header; B legs fold into their A leg): both legs of a refused call, under the layout, load again as FreeSWITCH', async () => {
    t = await formatStore();
    const lines = readFileSync(join(FORMATS_DIR, 'freeswitch_ab_legs.csv'), 'utf8').trimEnd().split('\n');
    // Call 1: its B leg's billsec, the call's talk time, is not a number. Call 2: its B leg's end is not a time.
    lines[1] = lines[1]!.replace('"69","62"', '"69","sixty-two"');
    lines[3] = lines[3]!.replace('"2024-09-17 10:05:06","5"', '"2024-09-17 10:05:6x","5"');
    const r = await t.ingest(write('legs.csv', lines.join('\n') + '\n'));
    expect(r.format).toBe('freeswitch_cdr_csv');
    expectBuckets(r, { rows: 8, calls: 4, folded: 4, inserted: 1, rejected: 2, inbound: 1 });

    const text = readFileSync(r.rejectsPath!, 'utf8');
    const [header, ...rows] = csvRows(text);
    const layout = [
      'caller_id_name',
      'caller_id_number',
      'destination_number',
      'context',
      'start_stamp',
      'answer_stamp',
      'end_stamp',
      'duration',
      'billsec',
      'hangup_cause',
      'uuid',
      'bleg_uuid',
      'accountcode',
      'sip_hangup_disposition',
    ];
    // The file had no header: the rejects file names its columns (FreeSWITCH's template), then line and reason.
    expect(header).toEqual([...layout, 'line', 'reason']);
    const talk = 'talk_seconds: not a number: "sixty-two"';
    const end = 'ended_at: not a timestamp: "2024-09-17 10:05:6x"';
    const expected = await Promise.all(
      lines
        .slice(0, 4)
        .map(async (l, i) => [
          ...(await asWritten(layout, csvRows(l)[0]!, ['destination_number'])),
          String(i + 1),
          i < 2 ? talk : end,
        ]),
    );
    expect(rows).toEqual(expected);
    expect(rows[1]!.slice(0, 9)).toEqual([
      'Outbound Call',
      '13800138001', // the B leg's caller id: a column the format reads, as written
      await calleeKey('13800138001'),
      'default',
      '2024-09-17 10:00:01',
      '2024-09-17 10:00:08',
      '2024-09-17 10:01:10',
      '69',
      'sixty-two',
    ]);
    expect(text).not.toContain(',13800138001,13800138001,'); // the dialled number is its key

    // Fixed in the file itself (only the two values), dropped in again.
    const fixed = text.replace(',sixty-two,', ',62,').replace(',2024-09-17 10:05:6x,', ',2024-09-17 10:05:06,');
    const again = await t.ingest(write('legs.rejects-fixed.csv', fixed));
    expect(again.format).toBe('freeswitch_cdr_csv');
    expectBuckets(again, { rows: 4, calls: 2, folded: 2, inserted: 2, rejected: 0 });
    expect(again.extraColumns).toEqual(expect.arrayContaining(['line', 'reason'])); // kept out of the calls
    // Every call as the unbroken export loads it; the callee the key of the number the source dialled.
    expect(await storedCalls(t)).toEqual(await storedCalls(await cleanLoad('freeswitch_ab_legs.csv')));
    expect(
      await t.store.db.query(
        `SELECT call_id, callee_id, talk_seconds FROM calls WHERE ingest_id = $id ORDER BY call_id`,
        {
          id: again.ingestId,
        },
      ),
    ).toEqual([
      { call_id: 'aaaaaaaa-0000-4000-8000-000000000001', callee_id: await calleeKey('13800138001'), talk_seconds: 62 },
      { call_id: 'aaaaaaaa-0000-4000-8000-000000000002', callee_id: await calleeKey('13800138002'), talk_seconds: 0 },
    ]);
  });

  it("FreeSWITCH in a site's own context: a dial refused, fixed and dropped in again is still a dial, not an inbound call", async () => {
    t = await formatStore();
    // A site context decides direction by the destination (format_freeswitch_direction): a phone
    // number is a dial. In the rejects file that number is its key, still a dialled number.
    const leg = (uuid: string, billsec: string) =>
      `"Agent","1001","13800138009","sales-site","2024-09-17 11:00:00","2024-09-17 11:00:08","2024-09-17 11:01:10","70","${billsec}","NORMAL_CLEARING","${uuid}","","camp1","recv_bye"`;
    const r = await t.ingest(
      write(
        'site.csv',
        [
          leg('cccccccc-0000-4000-8000-000000000001', '62'),
          leg('cccccccc-0000-4000-8000-000000000002', 'sixty-two'),
        ].join('\n') + '\n',
      ),
    );
    expect(r.format).toBe('freeswitch_cdr_csv');
    expectBuckets(r, { rows: 2, calls: 2, folded: 0, inserted: 1, rejected: 1 });
    const text = readFileSync(r.rejectsPath!, 'utf8');
    expect(csvRows(text)[1]!.slice(2, 4)).toEqual([await calleeKey('13800138009'), 'sales-site']);
    const again = await t.ingest(write('site.rejects-fixed.csv', text.replace(',sixty-two,', ',62,')));
    expect(again.format).toBe('freeswitch_cdr_csv');
    expectBuckets(again, { rows: 1, calls: 1, folded: 0, inserted: 1, rejected: 0, inbound: 0 });
    // The fixed call is stored as its twin row of the first file: a dial, to the same callee (two
    // dials to one callee at one time: each is its second in 30 days).
    const [twinRow, fixedRow] = await storedCalls(t);
    expect(twinRow).toMatchObject({ call_id: 'cccccccc-0000-4000-8000-000000000001', nth_call_30d: 2 });
    expect(fixedRow).toEqual({ ...twinRow, call_id: 'cccccccc-0000-4000-8000-000000000002' });
  });

  it('Asterisk Master.csv (no header; the forks of one Dial share a linkedid): detected again as cdr-csv, not as a database dump', async () => {
    t = await formatStore();
    const lines = readFileSync(join(FORMATS_DIR, 'asterisk_cdr_csv_21.csv'), 'utf8').trimEnd().split('\n');
    lines[1] = lines[1]!.replace(',18,6,"ANSWERED"', ',18,six,"ANSWERED"'); // the answered fork of call 1726536600.1
    lines[7] = lines[7]!.replace(',30,25,"ANSWERED"', ',30,25,"MAYBE"'); // call 1726539600.13, one row
    const r = await t.ingest(write('Master.csv', lines.join('\n') + '\n'), { timezone: 'UTC' });
    expect(r.format).toBe('asterisk_cdr_csv');
    expectBuckets(r, { rows: 9, calls: 7, folded: 2, inserted: 5, rejected: 2 });

    const text = readFileSync(r.rejectsPath!, 'utf8');
    const [header, ...rows] = csvRows(text);
    // cdr_csv.c's columns, then loguniqueid, loguserfield and the newcdrcolumns (21 fields).
    const layout = [
      ...['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata'],
      ...['start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags'],
      ...['uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence'],
    ];
    expect(header).toEqual([...layout, 'line', 'reason']);
    const six = 'talk_seconds: not a number: "six"';
    const row = async (i: number, reason: string) => [
      ...(await asWritten(layout, csvRows(lines[i]!)[0]!, ['dst'])),
      String(i + 1),
      reason,
    ];
    // All three forks of the refused call, each with the call's reason.
    expect(rows).toEqual([
      await row(0, six),
      await row(1, six),
      await row(2, six),
      await row(7, 'disposition: unknown value "MAYBE"'),
    ]);
    expect(rows[0]![layout.indexOf('clid')]).toBe('"Smith, John" <2002>');

    const fixed = text.replace(',six,', ',6,').replace(',MAYBE,', ',ANSWERED,');
    const again = await t.ingest(write('Master.rejects-fixed.csv', fixed), { timezone: 'UTC' });
    expect(again.format).toBe('asterisk_cdr_csv');
    expectBuckets(again, { rows: 4, calls: 2, folded: 2, inserted: 2, rejected: 0 });
    expect(await storedCalls(t)).toEqual(
      await storedCalls(await cleanLoad('asterisk_cdr_csv_21.csv', { timezone: 'UTC' })),
    );
  });

  it('Twilio (a header; child legs fold into their parent): the Chinese download, fixed, loads again as Twilio', async () => {
    t = await formatStore();
    const source = readFileSync(join(FORMATS_DIR, 'twilio_calls_rest.csv'), 'utf8');
    const lines = source.trimEnd().split('\n');
    lines[4] = lines[4]!.replace(',no-answer,', ',maybe,'); // CA…04, a call of one row
    lines[6] = lines[6]!.replace(',8,-0.01300,', ',eight,-0.01300,'); // CA…06, the parent of CA…07
    const r = await t.ingest(write('calls.csv', lines.join('\n') + '\n'));
    expect(r.format).toBe('twilio_calls');
    expectBuckets(r, { rows: 9, calls: 7, folded: 2, inserted: 4, rejected: 2, inbound: 1 });

    const [header, ...rows] = csvRows(readFileSync(r.rejectsPath!, 'utf8'));
    const sourceHeader = csvRows(lines[0]!)[0]!;
    expect(header).toEqual([...sourceHeader, 'line', 'reason']);
    const maybe = 'disposition: unknown value "maybe"';
    const eight = 'talk_seconds: not a number: "eight"';
    const row = async (i: number, reason: string) => [
      ...(await asWritten(sourceHeader, csvRows(lines[i]!)[0]!, ['To', 'ToFormatted'])),
      String(i + 1),
      reason,
    ];
    // The child leg comes back with its parent: the call is one, its rows are two.
    expect(rows).toEqual([await row(4, maybe), await row(6, eight), await row(7, eight)]);
    const at = (name: string) => sourceHeader.indexOf(name);
    expect(rows[1]![at('From')]).toBe("'+862150001112"); // inert in a spreadsheet, read back as the number
    expect(rows[1]![at('StartTime')]).toBe('Tue, 17 Sep 2024 01:20:00 +0000'); // not converted
    expect(rows[2]![at('ParentCallSid')]).toBe('CA00000000000000000000000000000006');

    // What the Chinese dashboard downloads: the reasons in Chinese, every other cell as written, a BOM.
    const res = await t.app.request(`/api/ingests/${r.ingestId}/rejects?lang=zh`);
    expect(res.status).toBe(200);
    const zh = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(zh.startsWith('\ufeff')).toBe(true);
    const zhRows = csvRows(zh);
    expect(zhRows[0]).toEqual(header);
    expect(zhRows.slice(1).map((x) => x.slice(0, -1))).toEqual(rows.map((x) => x.slice(0, -1)));
    expect(zhRows.slice(1).map((x) => x.at(-1))).toEqual([
      'disposition：未知取值 "maybe"',
      'talk_seconds：不是数字："eight"',
      'talk_seconds：不是数字："eight"',
    ]);
    const fixed = zh.replace(',maybe,', ',no-answer,').replace(',eight,', ',8,');
    const again = await t.ingest(write('calls.rejects-zh-fixed.csv', fixed));
    expect(again.format).toBe('twilio_calls');
    expectBuckets(again, { rows: 3, calls: 2, folded: 1, inserted: 2, rejected: 0 });
    expect(await storedCalls(t)).toEqual(await storedCalls(await cleanLoad('twilio_calls_rest.csv')));
    expect(
      await t.store.db.query(
        `SELECT call_id, disposition, talk_seconds, caller_number, callee_id FROM calls
         WHERE call_id IN ('CA00000000000000000000000000000004', 'CA00000000000000000000000000000006') ORDER BY call_id`,
      ),
    ).toEqual([
      {
        call_id: 'CA00000000000000000000000000000004',
        disposition: 'no_answer',
        talk_seconds: 0,
        caller_number: '+862150001111',
        callee_id: await calleeKey('+8613800138404'),
      },
      {
        call_id: 'CA00000000000000000000000000000006',
        disposition: 'answered',
        talk_seconds: 8,
        caller_number: '+862150001112',
        callee_id: await calleeKey('+8613800138406'),
      },
    ]);
  });

  it('a Chinese export in GB18030 with a title line: the rejects file is UTF-8, keeps the title, and loads again as the same export', async () => {
    t = await formatStore();
    const source = iconv.decode(readFileSync(join(FORMATS_DIR, 'cn_export_gbk.csv')), 'gb18030');
    const lines = source.trimEnd().split('\r\n'); // an Excel export: CRLF
    lines[2] = lines[2]!.replace(',2024/9/17 9:03,2024/9/17 9:03,', ',2024/9/17 9:03,2024/9/17 9:o3,'); // 序号 1: a letter o in the answer time
    // 序号 3: a letter O in the end time; its answer time is Excel's empty marker `--`, its callee masked by the export.
    lines[4] = lines[4]!.replace(',2024-09-17 09:20:30,', ',2024-09-17 09:20:3O,');
    const r = await t.ingest(write('外呼明细.csv', iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030')));
    expect(r).toMatchObject({ format: 'cn_export', encoding: 'gb18030' });
    expectBuckets(r, { rows: 7, calls: 6, folded: 1, inserted: 4, rejected: 2 });

    const text = readFileSync(r.rejectsPath!, 'utf8');
    const [title, header, ...rows] = csvRows(text);
    expect(title).toEqual(['外呼明细报表 2024-09-17']);
    const sourceHeader = csvRows(lines[1]!)[0]!;
    expect(header).toEqual([...sourceHeader, 'line', 'reason']);
    expect(rows).toEqual([
      [
        ...(await asWritten(sourceHeader, csvRows(lines[2]!)[0]!, ['被叫号码'])),
        '3',
        'answered_at: not a timestamp: "2024/9/17 9:o3"',
      ],
      [
        ...(await asWritten(sourceHeader, csvRows(lines[4]!)[0]!, ['被叫号码'])),
        '5',
        'ended_at: not a timestamp: "2024-09-17 09:20:3O"',
      ],
    ]);
    expect(rows[0]!.slice(0, 5)).toEqual([
      '1',
      "'\t02150001234",
      await calleeKey('\t13800138001'),
      '2024/9/17 9:03',
      '2024/9/17 9:o3',
    ]);
    // `--` made inert (a spreadsheet would read a formula), read back as empty; a masked number is a key of its own.
    expect(rows[1]!.slice(0, 6)).toEqual([
      '3',
      "'\t02150001234",
      '138****5678',
      '2024-09-17 09:20:00',
      "'--",
      '2024-09-17 09:20:3O',
    ]);

    const again = await t.ingest(
      write(
        '外呼明细.rejects-fixed.csv',
        text.replace(',2024/9/17 9:o3,', ',2024/9/17 9:03,').replace(',2024-09-17 09:20:3O,', ',2024-09-17 09:20:30,'),
      ),
    );
    expect(again).toMatchObject({ format: 'cn_export', encoding: 'utf-8' });
    expectBuckets(again, { rows: 2, calls: 2, folded: 0, inserted: 2, rejected: 0 });
    // No call id in this export: a call is the hash of its record, and a fixed record is another
    // record (its id is new, as for any edit); everything else as the unbroken export loads.
    expect(await storedCalls(t, ', call_id')).toEqual(
      await storedCalls(await cleanLoad('cn_export_gbk.csv'), ', call_id'),
    );
    const stored = await t.store.db.query(
      `SELECT caller_number, callee_id, answered_at, talk_seconds, disposition FROM calls WHERE ingest_id = $id ORDER BY started_at`,
      { id: again.ingestId },
    );
    // The TAB that marked the number as text in the export, made inert in the rejects file, is read back as the number.
    expect(stored).toEqual([
      {
        caller_number: '02150001234',
        callee_id: await calleeKey('13800138001'),
        answered_at: '2024-09-17 01:03:00+00',
        talk_seconds: 5,
        disposition: 'answered',
      },
      {
        caller_number: '02150001234',
        callee_id: '138****5678',
        answered_at: null,
        talk_seconds: 0,
        disposition: 'no_answer',
      },
    ]);
  });

  it('VICIdial (TAB-separated, no quoting): quotes in a comment stay as they were, in English and Chinese; a fixed file refused again keeps one line and one reason', async () => {
    t = await formatStore();
    const lines = readFileSync(join(FORMATS_DIR, 'vicidial_log.tsv'), 'utf8').split('\n');
    const cells = (i: number) => csvRows(lines[i]!.replace(/\r$/, ''), '\t', '')[0]!; // CRLF lines
    lines[2] = lines[2]!.replace('\t6\tNI\t', '\tsix\tNI\t'); // the row with `said "not now"`
    const r = await t.ingest(write('log.tsv', lines.join('\n')));
    expect(r.format).toBe('vicidial');
    expectBuckets(r, { rows: 9, calls: 9, folded: 0, inserted: 7, rejected: 2 });

    const text = readFileSync(r.rejectsPath!, 'utf8');
    const [header, ...rows] = csvRows(text, '\t', '');
    const sourceHeader = cells(0);
    expect(header).toEqual([...sourceHeader, 'line', 'reason']);
    expect(rows).toEqual([
      [...(await asWritten(sourceHeader, cells(2), ['phone_number'])), '3', 'talk_seconds: not a number: "six"'],
      [...(await asWritten(sourceHeader, cells(9), ['phone_number'])), '10', 'status INCALL: call not finished'],
    ]);
    expect(text).toContain('\tsaid "not now"\t'); // no quoting added: VICIdial reads none

    // TAB-separated rows are named and served as TSV, so a spreadsheet splits them on open.
    expect(r.rejectsPath).toMatch(/\.tsv$/);
    const res = await t.app.request(`/api/ingests/${r.ingestId}/rejects?lang=zh`);
    expect(res.headers.get('content-type')).toBe('text/tab-separated-values; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="ingest-${r.ingestId}-rejects-zh.tsv"`);
    const zh = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(zh).toBe(
      '\ufeff' +
        text
          .replace('talk_seconds: not a number: "six"', 'talk_seconds：不是数字："six"')
          .replace('status INCALL: call not finished', '状态 INCALL：通话尚未结束'),
    );
    expect(zh).toContain('\t状态 INCALL：通话尚未结束\n');

    const again = await t.ingest(write('log.rejects-zh-fixed.tsv', zh.replace('\tsix\t', '\t6\t')));
    expect(again.format).toBe('vicidial');
    expectBuckets(again, { rows: 2, calls: 2, folded: 0, inserted: 1, rejected: 1 });
    expect(await storedCalls(t)).toEqual(await storedCalls(await cleanLoad('vicidial_log.tsv')));
    // The unfinished call is refused again: its rejects file has the source's columns once, then line and reason.
    const [header2, row2] = csvRows(readFileSync(again.rejectsPath!, 'utf8'), '\t', '');
    expect(header2).toEqual(header);
    expect(row2).toEqual([...rows[1]!.slice(0, -2), '3', 'status INCALL: call not finished']);
  });

  it('a mapping file for a file without a header: the rejects file names the mapping columns and loads with the same mapping', async () => {
    t = await formatStore();
    const mapping = parseMapping(
      [
        'format: acme_plain',
        'input: { delimiter: ";", header: false, columns: [Ref, Dialled, Presented, Begin, Connected, End, Outcome, Rep] }',
        'timezone: Europe/London',
        'fields:',
        '  call_id: Ref',
        '  started_at: Begin',
        '  answered_at: Connected',
        '  ended_at: End',
        '  disposition: { column: Outcome, values: { OK: answered, NOANS: no_answer } }',
        '  callee_id: Dialled',
        '  caller_number: Presented',
        '  agent_id: Rep',
      ].join('\n'),
    );
    const source = [
      'P-1;07700900901;01632960001;2024-09-17 09:00:00;2024-09-17 09:00:07;2024-09-17 09:00:12;OK;rep1',
      'P-2;07700900902;01632960001;2024-09-17 09:05:00;2024-09-17 09:05:06;2024-09-17 09:06:06;MAYBE;rep1',
      'P-3;07700900903;01632960001;2024-09-17 09:10:00;;2024-09-17 09:10:30;NOANS;rep2',
    ];
    const r = await t.ingest(write('plain.csv', source.join('\n') + '\n'), { mapping });
    expect(r.format).toBe('acme_plain');
    expectBuckets(r, { rows: 3, calls: 3, folded: 0, inserted: 2, rejected: 1 });
    const text = readFileSync(r.rejectsPath!, 'utf8');
    expect(text).toBe(
      'Ref;Dialled;Presented;Begin;Connected;End;Outcome;Rep;line;"reason"\n' +
        `P-2;${await calleeKey('07700900902')};01632960001;2024-09-17 09:05:00;2024-09-17 09:05:06;2024-09-17 09:06:06;MAYBE;rep1;2;"disposition: unknown value ""MAYBE"""\n`,
    );
    // The same mapping (header: false) reads the fixed file by its header line: no line is taken for a call.
    const again = await t.ingest(write('plain.rejects-fixed.csv', text.replace(';MAYBE;', ';OK;')), { mapping });
    expectBuckets(again, { rows: 1, calls: 1, folded: 0, inserted: 1, rejected: 0 });
    expect(
      await t.store.db.query(`SELECT call_id, disposition FROM calls WHERE ingest_id = $id`, { id: again.ingestId }),
    ).toEqual([{ call_id: 'P-2', disposition: 'answered' }]);
  });
});
