import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPart } from '../../server/ingest/message-parts.ts';
import { decideZone, offsetLabel } from '../../server/ingest/source-timezone.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** Issue 9 point 3: a file that carries its own UTC offset is read in it. */
describe('source timezone', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('labels offsets and needs 99% agreement', () => {
    expect([offsetLabel(10800), offsetLabel(-18000), offsetLabel(19800), offsetLabel(0)]).toEqual([
      '+03:00',
      '-05:00',
      '+05:30',
      '+00:00',
    ]);
    const ev = (agree: number, evidence: number, offsetSeconds = 10800) => ({
      offsetSeconds,
      agree,
      evidence,
      naive: evidence,
    });
    expect(decideZone(ev(99, 100), null, null, 'Asia/Shanghai', 'offsets')).toMatchObject({
      setZone: 'UTC+03:00',
      sourceTimezone: '+03:00',
      inferred: true,
    });
    expect(decideZone(ev(98, 100), null, null, 'Asia/Shanghai', 'offsets')).toMatchObject({
      setZone: null,
      sourceTimezone: 'Asia/Shanghai',
      inferred: false,
    });
    expect(renderPart(decideZone(ev(98, 100), null, null, 'Asia/Shanghai', 'offsets').part!)).toMatch(/rows disagree/);
    expect(decideZone(null, null, null, 'Asia/Shanghai', 'offsets')).toEqual({
      setZone: null,
      sourceTimezone: 'Asia/Shanghai',
      inferred: false,
      part: null,
    });
    // DuckDB cannot read "UTC+05:30" (it becomes +05): such files need the zone's name.
    expect(decideZone(ev(10, 10, 19800), null, null, 'Asia/Shanghai', 'offsets')).toMatchObject({
      setZone: null,
      inferred: false,
    });
    expect(decideZone(ev(10, 10), 'Europe/Moscow', 10800, 'Asia/Shanghai', 'offsets')).toEqual({
      setZone: null,
      sourceTimezone: 'Europe/Moscow',
      inferred: false,
      part: null,
    });
  });

  it('canonical: offsets written in started_at decide how the naive starts of the same file are read', async () => {
    t = await formatStore();
    const file = join(t.dir, 'tz.csv');
    writeFileSync(
      file,
      [
        'call_id,started_at,talk_seconds,disposition',
        ...Array.from(
          { length: 99 },
          (_, i) => `z${i},2026-03-02T10:${String(i % 60).padStart(2, '0')}:00+03:00,0,no_answer`,
        ),
        'naive,2026-03-02 12:00:00,0,no_answer',
      ].join('\n'),
    );
    const r = await t.ingest(file);
    expect(r).toMatchObject({ status: 'loaded', inserted: 100, sourceTimezone: '+03:00', timezoneInferred: true });
    expect(r.message).toBe('times read as UTC+03:00: the offsets written in started_at say +03:00 (99 of 99 rows)');
    const [row] = await t.store.db.query(
      `SELECT strftime(started_at AT TIME ZONE 'UTC', '%H:%M') AS s FROM calls WHERE call_id = 'naive'`,
    );
    expect(row).toEqual({ s: '09:00' });
  });
});
