import { describe, expect, it } from 'vitest';
import { fileNameFrom, lastCompleteWeek, reportLang, reportUrl, weeksWithData } from '../../web/src/lib/weeks.ts';

describe('report weeks', () => {
  it('the default week is the last one the data covers to its Sunday', () => {
    expect(lastCompleteWeek('2026-11-01').label).toBe('2026-W44'); // a Sunday: its week is complete
    expect(lastCompleteWeek('2026-10-31').label).toBe('2026-W43'); // a Saturday: the week before
    expect(lastCompleteWeek('2027-01-03').label).toBe('2026-W53'); // 2026 has 53 ISO weeks
  });

  it('lists every week with data, newest first, marking the partial ones', () => {
    const weeks = weeksWithData('2026-09-09', '2026-09-22');
    expect(weeks.map((w) => [w.week.label, w.complete])).toEqual([
      ['2026-W39', false], // Mon 21 – data ends Tue 22
      ['2026-W38', true],
      ['2026-W37', false], // data starts Wed 9
    ]);
    expect(weeksWithData('2026-09-07', '2026-11-01')).toHaveLength(8);
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
