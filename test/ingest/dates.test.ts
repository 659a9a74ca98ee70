import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMapping } from '../../server/ingest/formats/mapping-file.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';

/** Issue 9 point 4: day-first vs month-first decided per file, dateFormat when it cannot be. */
describe('dates', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const write = (name: string, lines: string[]) => {
    const file = join(t.dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  const starts = async () =>
    (await t.store.db.query(
      `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s FROM calls ORDER BY call_id`,
    )) as { call_id: string; s: string }[];
  const HEAD = 'call_id,started_at,talk_seconds,disposition';

  it('a first field above 12 makes the whole file day-first (dots and dashes too)', async () => {
    t = await formatStore();
    const r = await t.ingest(
      write('dmy.csv', [
        HEAD,
        'a,1/9/2017 16:33:01,0,no_answer',
        'b,13.9.2017 08:00,0,no_answer',
        'c,02-10-2017,0,no_answer',
      ]),
      { timezone: 'UTC' },
    );
    expect(r).toMatchObject({ status: 'loaded', inserted: 3 });
    expect(await starts()).toEqual([
      { call_id: 'a', s: '2017-09-01 16:33' },
      { call_id: 'b', s: '2017-09-13 08:00' },
      { call_id: 'c', s: '2017-10-02 00:00' },
    ]);
  });

  it('a second field above 12 makes it month-first', async () => {
    t = await formatStore();
    await t.ingest(write('mdy.csv', [HEAD, 'a,1/9/2017 16:33:01,0,no_answer', 'b,9/13/2017 08:00:00,0,no_answer']), {
      timezone: 'UTC',
    });
    expect((await starts()).map((c) => c.s)).toEqual(['2017-01-09 16:33', '2017-09-13 08:00']);
  });

  it('refuses a file that proves both orders, and one where every date fits both', async () => {
    t = await formatStore();
    const mixed = await t.ingest(
      write('mixed.csv', [HEAD, 'a,13/9/2017 10:00,0,no_answer', 'b,9/13/2017 10:00,0,no_answer']),
    );
    expect(mixed.status).toBe('failed');
    expect(mixed.message).toMatch(
      /^dates disagree on their order: "13\/9\/2017 10:00" is day-first, "9\/13\/2017 10:00" month-first; give the order with dateFormat/,
    );
    const ambiguous = await t.ingest(write('amb.csv', [HEAD, 'a,1/9/2017 10:00,0,no_answer']));
    expect(ambiguous.message).toMatch(/could be day-first or month-first .* --date-format "%d\/%m\/%Y %H:%M:%S"/);
  });

  it('--date-format (and a mapping dateFormat) read what detection cannot', async () => {
    t = await formatStore();
    const r = await t.ingest(write('amb.csv', [HEAD, 'a,1/9/2017 10:00,0,no_answer']), {
      dateFormat: '%m/%d/%Y %H:%M',
      timezone: 'UTC',
    });
    expect(r).toMatchObject({ status: 'loaded', inserted: 1 });
    expect((await starts())[0]!.s).toBe('2017-01-09 10:00');
    const mapping = parseMapping(`
input: { delimiter: ";" }
dateFormat: "%Y.%d.%m %Hh%M"
fields: { call_id: Ref, started_at: Begin, talk_seconds: Talk, disposition: { column: Result, values: { X: no_answer } } }
`);
    const m = await t.ingest(write('m.csv', ['Ref;Begin;Talk;Result', 'm1;2017.25.12 07h05;0;X']), {
      mapping,
      timezone: 'UTC',
    });
    expect(m).toMatchObject({ status: 'loaded', inserted: 1 });
    expect((await starts()).find((c) => c.call_id === 'm1')!.s).toBe('2017-12-25 07:05');
  });
});

/** The date order a data team gives (the upload's dateOrder, --date-order): a hint to the detection, never a misreading. */
describe('a date order given', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const write = (name: string, lines: string[]) => {
    const file = join(t.dir, name);
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  };
  const HEAD = 'call_id,started_at,talk_seconds,disposition';
  // Every field 12 or below: day-first and month-first both read these.
  const AMBIGUOUS = [
    HEAD,
    'd1,03/04/2026 09:15:00,0,no_answer',
    'd2,11/04/2026 18:40:00,0,no_answer',
    'd3,12/05/2026,0,no_answer',
  ];
  /** Stored start (in the business timezone, Asia/Shanghai, where naive times are read) and local date. */
  const stored = async (prefix: string) =>
    (await t.store.db.query(
      `SELECT call_id, strftime(started_at AT TIME ZONE 'Asia/Shanghai', '%Y-%m-%d %H:%M') AS s, local_date::VARCHAR AS d
       FROM calls WHERE call_id LIKE '${prefix}%' ORDER BY call_id`,
    )) as { call_id: string; s: string; d: string }[];

  it('settles a canonical CSV whose dates fit both ways: day-first, and says so', async () => {
    t = await formatStore();
    const refused = await t.ingest(write('amb.csv', AMBIGUOUS));
    expect(refused.status).toBe('failed');
    expect(refused.messageParts.map((p) => p.code)).toEqual(['dates_order_ambiguous']);
    expect(refused.message).toMatch(/give the order with --date-order day-first or --date-order month-first/);
    const r = await t.ingest(write('amb.csv', AMBIGUOUS), { dateOrder: 'day-first' });
    expect(r).toMatchObject({ status: 'loaded', inserted: 3, rejected: 0 });
    expect(await stored('d')).toEqual([
      { call_id: 'd1', s: '2026-04-03 09:15', d: '2026-04-03' },
      { call_id: 'd2', s: '2026-04-11 18:40', d: '2026-04-11' },
      { call_id: 'd3', s: '2026-05-12 00:00', d: '2026-05-12' },
    ]);
    expect(r.messageParts[0]).toEqual({
      code: 'dates_order_given',
      args: { order: 'day-first', example: '12/05/2026' },
    });
    expect(r.message).toMatch(/^dates such as "12\/05\/2026" read day first, as given/);
  });

  it('month-first reads the same shapes the other way (JSON lines too)', async () => {
    t = await formatStore();
    const r = await t.ingest(
      write(
        'amb-m.csv',
        AMBIGUOUS.map((l) => l.replace(/^d/, 'm')),
      ),
      { dateOrder: 'month-first' },
    );
    expect(r).toMatchObject({ status: 'loaded', inserted: 3 });
    expect((await stored('m')).map((c) => c.d)).toEqual(['2026-03-04', '2026-11-04', '2026-12-05']);
    const json = [
      { call_id: 'j1', started_at: '03/04/2026 09:15:00', talk_seconds: 0, disposition: 'no_answer' },
      { call_id: 'j2', started_at: '05/06/2026 10:00:00', talk_seconds: 0, disposition: 'no_answer' },
    ];
    const lines = json.map((o) => JSON.stringify(o));
    expect((await t.ingest(write('amb.jsonl', lines))).messageParts[0]!.code).toBe('dates_order_ambiguous');
    expect(await t.ingest(write('amb.jsonl', lines), { dateOrder: 'month-first' })).toMatchObject({
      status: 'loaded',
      inserted: 2,
    });
    expect((await stored('j')).map((c) => c.d)).toEqual(['2026-03-04', '2026-05-06']);
  });

  it('refuses a file one of whose dates the order given cannot read, naming the order and the date', async () => {
    t = await formatStore();
    // 25/12/2026 is day-first whatever is said: month-first would make 25 a month.
    const dayFirstFile = write('dmy.csv', [...AMBIGUOUS, 'd4,25/12/2026 10:00:00,0,no_answer']);
    const r = await t.ingest(dayFirstFile, { dateOrder: 'month-first' });
    expect(r).toMatchObject({ status: 'failed', inserted: 0 });
    expect(r.messageParts).toEqual([
      { code: 'dates_order_contradicts', args: { order: 'month-first', example: '25/12/2026 10:00:00' } },
    ]);
    expect(r.message).toBe(
      'dates do not fit the order given (month first): read that way, "25/12/2026 10:00:00" would have a month above 12; nothing was loaded: check the file, or give the other --date-order, or none to let the file\'s own dates decide',
    );
    // And the other way round; nothing of either was stored.
    const m = await t.ingest(write('mdy.csv', [HEAD, 'x1,03/04/2026,0,no_answer', 'x2,12/25/2026,0,no_answer']), {
      dateOrder: 'day-first',
    });
    expect(m.messageParts).toEqual([
      { code: 'dates_order_contradicts', args: { order: 'day-first', example: '12/25/2026' } },
    ]);
    expect(await stored('')).toEqual([]);
    // The file's own proof agrees with the order given: read as both say.
    expect(await t.ingest(dayFirstFile, { dateOrder: 'day-first' })).toMatchObject({ status: 'loaded', inserted: 4 });
    expect((await stored('d4'))[0]!.d).toBe('2026-12-25');
  });

  it('settles a dialer format the same way: the FreePBX export with a mapping that names no dateFormat', async () => {
    t = await formatStore();
    const text = readFileSync(join(FORMATS_DIR, 'real', 'freepbx_dayfirst.mapping.yaml'), 'utf8');
    const mapping = parseMapping(text.replace(/^dateFormat:.*$/m, ''));
    const file = join(FORMATS_DIR, 'real', 'freepbx_dayfirst.csv');
    expect((await t.ingest(file, { mapping })).messageParts[0]!.code).toBe('dates_order_ambiguous');
    const r = await t.ingest(file, { mapping, dateOrder: 'day-first' });
    // The counts of the same file read with dateFormat (test/ingest/real-exports.test.ts).
    expect(r).toMatchObject({ status: 'loaded', format: 'freepbx_cdr_report', rowsRead: 80, inserted: 79, inbound: 1 });
    expect(r.messageParts[0]).toMatchObject({ code: 'dates_order_given', args: { order: 'day-first' } });
    // "1/9/2017 16:33:01" is 1 September; its uniqueid epoch 1504279981 is 15:33:01Z, so the file is read at UTC+1.
    const [first] = (await t.store.db.query(
      `SELECT strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS s FROM calls WHERE call_id = '1504279981.1'`,
    )) as { s: string }[];
    expect(first!.s).toBe('2017-09-01 15:33:01');
  });
});
