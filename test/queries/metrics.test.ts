import { describe, expect, it } from 'vitest';
import { appFor, getJson } from '../helpers/temp-store.ts';
import { storeWithCalls } from './fixture-store.ts';

// Ten dials on Monday 2026-09-07 (Asia/Shanghai), rates known by hand:
// 6 answered (connect 6/10), callee hang-ups at 3 s, 5 s (early) and 40 s (not early),
// 1 answered with unknown party, 2 rejected, 1 converted.
const rows = [
  {
    call_id: 'c1',
    started_at: '2026-09-07T09:10:00+08:00',
    disposition: 'answered',
    talk_seconds: 3,
    hangup_by: 'callee',
    segment: 'wc',
    script_id: 'A',
  },
  {
    call_id: 'c2',
    started_at: '2026-09-07T09:20:00+08:00',
    disposition: 'answered',
    talk_seconds: 5,
    hangup_by: 'callee',
    segment: 'wc',
    script_id: 'B',
  },
  {
    call_id: 'c3',
    started_at: '2026-09-07T09:30:00+08:00',
    disposition: 'answered',
    talk_seconds: 40,
    hangup_by: 'callee',
    segment: 'wc',
    script_id: 'A',
  },
  {
    call_id: 'c4',
    started_at: '2026-09-07T20:00:00+08:00',
    disposition: 'answered',
    talk_seconds: 90,
    hangup_by: 'agent',
    segment: 'wc',
    outcome: 'converted',
    script_id: 'B',
  },
  {
    call_id: 'c5',
    started_at: '2026-09-07T20:10:00+08:00',
    disposition: 'answered',
    talk_seconds: 60,
    hangup_by: 'agent',
    segment: 'retired',
    script_id: 'A',
  },
  {
    call_id: 'c6',
    started_at: '2026-09-07T20:20:00+08:00',
    disposition: 'answered',
    talk_seconds: 7,
    segment: 'retired',
    script_id: 'B',
  },
  {
    call_id: 'c7',
    started_at: '2026-09-07T20:30:00+08:00',
    disposition: 'rejected',
    ended_at: '2026-09-07T20:30:05+08:00',
    segment: 'retired',
  },
  {
    call_id: 'c8',
    started_at: '2026-09-07T20:40:00+08:00',
    disposition: 'rejected',
    ended_at: '2026-09-07T20:40:05+08:00',
    segment: 'retired',
  },
  {
    call_id: 'c9',
    started_at: '2026-09-07T21:00:00+08:00',
    disposition: 'no_answer',
    ended_at: '2026-09-07T21:00:30+08:00',
    segment: 'retired',
  },
  // 2026-09-08 01:30 UTC is 09:30 on Tuesday in Shanghai: hour and weekday follow the business timezone.
  {
    call_id: 'c10',
    started_at: '2026-09-08T01:30:00Z',
    disposition: 'busy',
    ended_at: '2026-09-08T01:30:10Z',
    segment: 'wc',
  },
];

describe('metric SQL on a hand-checked fixture', () => {
  const fx = storeWithCalls(rows, 'fixture.csv');

  it('summary counts and rates', async () => {
    const { body } = await getJson(fx.app, '/api/summary');
    expect(body).toMatchObject({
      dials: 10,
      answered: 6,
      hangups: 3,
      earlyHangups: 2,
      rejected: 2,
      converted: 1,
      unknownParty: 1,
      connectRate: 0.6,
      rejectionRate: 0.2,
      firstDate: '2026-09-07',
      lastDate: '2026-09-08',
    });
    // Issue 9: the hang-up rate is over the answered calls whose party is known (c6 is not): 2 / 5.
    expect(body.knownParty).toBe(5);
    expect(body.hangupRate).toBeCloseTo(2 / 5, 12);
    expect(body.conversionRate).toBeCloseTo(1 / 6, 12);
    // Wilson 95% for 2/5, computed by hand: 0.1176 - 0.7693; named after the metric, ciLow/ciHigh kept as aliases.
    expect(body.hangupRateCiLow).toBeCloseTo(0.11762, 4);
    expect(body.hangupRateCiHigh).toBeCloseTo(0.76928, 4);
    expect([body.ciLow, body.ciHigh]).toEqual([body.hangupRateCiLow, body.hangupRateCiHigh]);
    // Short calls: answered with talk < 10 s whoever hung up (c1 3 s, c2 5 s, c6 7 s unknown party).
    expect(body).toMatchObject({ shortCalls: 3, shortCallRate: 0.5, headline: 'hangup', headlineReason: null });
    // Wilson 95% for 3/6: 0.1876 - 0.8124
    expect(body.shortCallRateCiLow).toBeCloseTo(0.18761, 4);
    expect(body.shortCallRateCiHigh).toBeCloseTo(0.81239, 4);
  });

  it('early-seconds is a setting: T = 6 makes the 5 s hang-up early but not the 7 s unknown-party call', async () => {
    const at = async (earlySeconds: number) =>
      (await getJson(appFor({ ...fx.store, settings: { ...fx.store.settings, earlySeconds } }), '/api/summary')).body;
    // T = 6: c1 (3 s) and c2 (5 s) are early hang-ups and short calls; c6 (7 s, party unknown) is neither.
    const six = await at(6);
    expect(six).toMatchObject({ earlyHangups: 2, shortCalls: 2, knownParty: 5, answered: 6 });
    expect(six.hangupRate).toBeCloseTo(2 / 5, 12);
    expect(six.shortCallRate).toBeCloseTo(2 / 6, 12);
    // T = 4: only c1 (3 s); the 5 s hang-up is no longer early.
    expect(await at(4)).toMatchObject({ earlyHangups: 1, shortCalls: 1 });
  });

  it('breakdown by hour and weekday use business-timezone local time', async () => {
    const hours = (await getJson(fx.app, '/api/breakdown?by=hour')).body.rows;
    expect(hours.map((r: any) => [r.key, r.dials])).toEqual([
      [9, 4],
      [20, 5],
      [21, 1],
    ]);
    const days = (await getJson(fx.app, '/api/breakdown?by=weekday')).body.rows;
    expect(days.map((r: any) => [r.key, r.dials])).toEqual([
      [1, 9],
      [2, 1],
    ]);
  });

  it('zero denominators give null rates, not 0 or NaN', async () => {
    const seg = (await getJson(fx.app, '/api/breakdown?by=segment&from=2026-09-08')).body.rows;
    expect(seg).toEqual([
      expect.objectContaining({ key: 'wc', dials: 1, answered: 0, hangupRate: null, ciLow: null, ciHigh: null }),
    ]);
  });

  it('empty filter result: zero counts, null rates', async () => {
    const { body } = await getJson(fx.app, '/api/summary?campaign=nothing');
    expect(body).toMatchObject({ dials: 0, answered: 0, hangupRate: null, connectRate: null, firstDate: null });
    expect((await getJson(fx.app, '/api/breakdown?by=script&campaign=nothing')).body.rows).toEqual([]);
  });

  it('heatmap cells', async () => {
    const { body } = await getJson(fx.app, '/api/heatmap?x=hour&y=segment');
    const cell = body.cells.find((c: any) => c.x === 9 && c.y === 'wc');
    expect(cell).toMatchObject({ dials: 4, answered: 3, earlyHangups: 2 }); // c10 (busy) is also 09:xx
    expect(cell.hangupRate).toBeCloseTo(2 / 3, 12);
  });

  it('repeatable filters combine as OR within a dimension', async () => {
    const { body } = await getJson(fx.app, '/api/summary?script=A&script=B');
    expect(body.dials).toBe(6);
    expect((await getJson(fx.app, '/api/summary?script=A')).body.dials).toBe(3);
  });

  it('dimensions lists values and date bounds', async () => {
    const { body } = await getJson(fx.app, '/api/dimensions');
    expect(body.segment).toEqual([
      { value: 'retired', calls: 5 },
      { value: 'wc', calls: 5 },
    ]);
    expect(body).toMatchObject({ firstDate: '2026-09-07', lastDate: '2026-09-08', calls: 10 });
  });
});
