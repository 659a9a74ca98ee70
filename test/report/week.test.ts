import { describe, expect, it } from 'vitest';
import { isoWeekOfDate, parseIsoWeek, previousWeek, shiftWeek, weeksInYear } from '../../server/report/week.ts';

describe('ISO weeks as local date ranges', () => {
  it('maps 2026-W37 to Monday 7 Sept .. Monday 14 Sept (exclusive)', () => {
    const w = parseIsoWeek('2026-W37');
    expect(w).toMatchObject({ label: '2026-W37', from: '2026-09-07', to: '2026-09-14' });
    expect(w.days).toHaveLength(7);
    expect(w.days[6]).toBe('2026-09-13');
  });

  it('handles year boundaries and 53-week years', () => {
    expect(parseIsoWeek('2026-W01').from).toBe('2025-12-29');
    expect(weeksInYear(2026)).toBe(53);
    expect(parseIsoWeek('2026-W53')).toMatchObject({ from: '2026-12-28', to: '2027-01-04' });
    expect(weeksInYear(2025)).toBe(52);
    expect(() => parseIsoWeek('2025-W53')).toThrow(/1-52/);
    expect(isoWeekOfDate('2027-01-01').label).toBe('2026-W53');
    expect(isoWeekOfDate('2024-12-30').label).toBe('2025-W01');
    expect(shiftWeek(parseIsoWeek('2027-W01'), -1).label).toBe('2026-W53');
  });

  it('rejects malformed weeks', () => {
    for (const bad of ['2026-37', '2026-W00', '2026-W7', 'W37', '2026-W37x'])
      expect(() => parseIsoWeek(bad)).toThrow(RangeError);
  });

  it('takes "now" in the business timezone when picking the previous week', () => {
    // Sunday 2026-09-20 16:30 UTC is Monday 00:30 in Shanghai: the week just finished is W38.
    const now = new Date('2026-09-20T16:30:00Z');
    expect(previousWeek(now, 'Asia/Shanghai').label).toBe('2026-W38');
    // In UTC it is still Sunday of W38, so the previous complete week is W37.
    expect(previousWeek(now, 'UTC').label).toBe('2026-W37');
  });
});
