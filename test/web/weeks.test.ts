import { describe, expect, it } from 'vitest';
import { weekOption, weeksOfDates } from '../../server/report/week.ts';
import { fileNameFrom, lastCompleteWeek, pickWeek, reportLang, reportUrl } from '../../web/src/lib/weeks.ts';

/** Every date from `from` to `to` (inclusive). */
const span = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
    out.push(d);
  return out;
};

describe('report weeks', () => {
  it('the default week is the last one the data covers to its Sunday', () => {
    expect(lastCompleteWeek('2026-11-01').label).toBe('2026-W44'); // a Sunday: its week is complete
    expect(lastCompleteWeek('2026-10-31').label).toBe('2026-W43'); // a Saturday: the week before
    expect(lastCompleteWeek('2027-01-03').label).toBe('2026-W53'); // 2026 has 53 ISO weeks
  });

  it('lists every week with data, newest first, marking the partial ones', () => {
    const weeks = weeksOfDates(span('2026-09-09', '2026-09-22'));
    expect(weeks.map((w) => [w.week.label, w.complete])).toEqual([
      ['2026-W39', false], // Mon 21 – data ends Tue 22
      ['2026-W38', true],
      ['2026-W37', false], // data starts Wed 9
    ]);
    expect(weeksOfDates(span('2026-09-07', '2026-11-01'))).toHaveLength(8);
  });

  it('lists only weeks with calls: stray calls from 2023 add their week, not the 160 empty ones between', () => {
    const weeks = weeksOfDates(['2023-07-26', '2023-07-27', ...span('2026-09-07', '2026-11-01')]);
    expect(weeks.map((w) => w.week.label)).toEqual([
      '2026-W44',
      '2026-W43',
      '2026-W42',
      '2026-W41',
      '2026-W40',
      '2026-W39',
      '2026-W38',
      '2026-W37',
      '2023-W30',
    ]);
    // Complete by the data's span (2023-07-26 to 2026-11-01): the stray week starts mid-week.
    expect(weeks.at(-1)!.complete).toBe(false);
    expect(weeks[0]!.complete).toBe(true);
    // One gap week inside the data is left out too.
    const gap = weeksOfDates(span('2026-09-07', '2026-11-01').filter((d) => d < '2026-09-28' || d > '2026-10-04'));
    expect(gap.map((w) => w.week.label)).not.toContain('2026-W40');
    expect(gap).toHaveLength(7);
  });

  it('the page shows the URL’s week when listed, else the last complete week with data', () => {
    const options = weeksOfDates(['2023-07-26', ...span('2026-09-07', '2026-11-03')]).map(weekOption);
    expect(options[0]).toEqual({ week: '2026-W45', from: '2026-11-02', until: '2026-11-08', complete: false });
    expect(pickWeek(options, null)).toBe('2026-W44');
    expect(pickWeek(options, '2026-W40')).toBe('2026-W40');
    expect(pickWeek(options, '2025-W10')).toBe('2026-W44'); // an empty week is not offered
    expect(pickWeek(options, '2023-W30')).toBe('2023-W30');
    // The week before the newest has no calls: the newest complete week with calls.
    const gap = weeksOfDates(['2026-09-28', '2026-10-04', '2026-11-02']).map(weekOption);
    expect(gap.map((w) => w.week)).toEqual(['2026-W45', '2026-W40']);
    expect(pickWeek(gap, null)).toBe('2026-W40');
    expect(pickWeek([], null)).toBeNull();
  });

  it('report URLs carry the week and the filters but never from/to (the week is the period)', () => {
    const f = {
      from: '2026-10-01',
      to: '2026-10-08',
      campaign: ['car_renewal'],
      script: [],
      segment: ['retired', 'student'],
      numberTag: [],
      agent: [],
    };
    expect(reportUrl('2026-W44', 'xlsx', 'zh', f)).toBe(
      '/api/reports/weekly?week=2026-W44&format=xlsx&lang=zh&campaign=car_renewal&segment=retired&segment=student',
    );
    expect(reportLang('zh-CN')).toBe('zh');
    expect(reportLang('en')).toBe('en');
  });

  it('takes the file name from Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="hangup-report-2026-W44-zh.pdf"', 'x.pdf')).toBe(
      'hangup-report-2026-W44-zh.pdf',
    );
    expect(fileNameFrom(null, 'x.pdf')).toBe('x.pdf');
  });
});
