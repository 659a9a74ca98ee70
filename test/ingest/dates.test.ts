import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMapping } from '../../server/ingest/formats/mapping-file.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

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
