import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/**
 * A zone the user gives wins over the offsets a canonical file writes; when the two disagree at
 * the file's dates (read from its earliest naive start, in the same survey read), a note says so.
 */
describe('a given timezone against the offsets in a canonical file', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  const write = (dir: string) => {
    const file = join(dir, 'given.csv');
    writeFileSync(
      file,
      [
        'call_id,started_at,talk_seconds,disposition',
        ...Array.from({ length: 9 }, (_, i) => `o${i},2026-03-02T10:0${i}:00+03:00,0,no_answer`),
        'naive,2026-03-02 12:00:00,0,no_answer',
      ].join('\n'),
    );
    return file;
  };
  const naiveUtc = async () =>
    (
      await t.store.db.query<{ s: string }>(
        `SELECT strftime(started_at AT TIME ZONE 'UTC', '%H:%M') AS s FROM calls WHERE call_id = 'naive'`,
      )
    )[0]!.s;

  it('reads the naive starts in the given zone and notes that the file says otherwise', async () => {
    t = await formatStore();
    const r = await t.ingest(write(t.dir), { timezone: 'Asia/Shanghai' });
    expect(r).toMatchObject({
      status: 'loaded',
      inserted: 10,
      sourceTimezone: 'Asia/Shanghai',
      timezoneInferred: false,
    });
    expect(r.message).toBe(
      'timezone: read in Asia/Shanghai as told, but the offsets written in started_at say +03:00 (9 of 9 rows)',
    );
    expect(await naiveUtc()).toBe('04:00'); // 12:00 at +08:00
  });

  it('adds no note when the given zone has the offset of the file at its dates', async () => {
    t = await formatStore();
    const r = await t.ingest(write(t.dir), { timezone: 'Europe/Moscow' });
    expect(r).toMatchObject({ status: 'loaded', inserted: 10, sourceTimezone: 'Europe/Moscow', message: null });
    expect(await naiveUtc()).toBe('09:00'); // 12:00 at +03:00
  });
});
