import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, ingestStray2023, reportFixture, type Fixture } from './fixture.ts';

// A store of 8 weeks of 2026 calls plus two stray calls from 2023: the week picker listed every ISO
// week between them (~170, ~160 of them empty). GET /api/reports/weeks lists the weeks with calls.
let fx: Fixture;
beforeAll(async () => {
  fx = await reportFixture();
  await ingestStray2023(fx.store);
});
afterAll(() => fx?.close());

type Weeks = { weeks: { week: string; from: string; until: string; complete: boolean }[] };

describe('GET /api/reports/weeks', () => {
  it('lists only the weeks with calls, newest first, each with its dates and whether the data covers it', async () => {
    const { weeks } = await getJson<Weeks>(fx.app, '/api/reports/weeks');
    const dims = await getJson<{ firstDate: string; lastDate: string }>(fx.app, '/api/dimensions');
    expect(dims.firstDate).toBe('2023-07-26');
    const labels = weeks.map((w) => w.week);
    expect(labels.at(-1)).toBe('2023-W30');
    expect(labels.length).toBeLessThan(15); // not the ~170 ISO weeks from 2023-W30 to 2026
    expect(labels).toEqual([...labels].sort().reverse());
    expect(weeks.at(-1)).toEqual({ week: '2023-W30', from: '2023-07-24', until: '2023-07-30', complete: false });
    // Every listed week has calls.
    for (const w of weeks) {
      const s = await getJson<{ dials: number }>(fx.app, `/api/summary?from=${w.from}&to=${w.until}`);
      expect(s.dials, w.week).toBeGreaterThan(0);
    }
    // The weeks in between have none: 2024-W01 as a sample.
    const empty = await getJson<{ dials: number }>(fx.app, '/api/summary?from=2024-01-01&to=2024-01-08');
    expect(empty.dials).toBe(0);
    expect(labels).not.toContain('2024-W01');
  });
});
