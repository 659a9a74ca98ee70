import { describe, expect, it } from 'vitest';
import { createFormat } from '../../server/contract/format.ts';
import { createFormat as webFormat } from '../../web/src/lib/format.ts';
import { formatCell } from '../../server/report/html-parts.ts';

describe('one number format for dashboard and report', () => {
  const en = createFormat('en');
  const zh = createFormat('zh-CN');

  it('is the same format on both sides; on screen and on paper a value never breaks from its sign', () => {
    const web = webFormat('en');
    const xs = [null, 0, 1e-9, 0.0004, 0.024, 0.41826, 0.9995, 1, 12345.6];
    for (const k of Object.keys(en) as (keyof typeof en)[]) {
      if (k === 'day' || k === 'date' || k === 'month' || k === 'dateTime') continue;
      const f = web[k] as (x: number | null) => string;
      const g = en[k] as (x: number | null) => string;
      for (const x of xs) expect(f(x), `${k}(${x})`).toBe(g(x));
    }
    // The report (HTML, PDF, XLSX text) formats through the same functions: no-break spaces there too.
    expect(formatCell(1e-9, 'p', 'en')).toBe('<\u00a00.001');
    expect(web.pIs(1e-9)).toBe('p\u00a0<\u00a00.001');
    expect(web.pIs(0.04)).toBe('p\u00a0=\u00a00.04');
    expect(web.prob(1)).toBe('>\u00a099.9%');
    expect(web.prob(0)).toBe('<\u00a00.1%');
  });

  it('percent with one decimal, counts with separators, no negative zero', () => {
    expect(en.pct(0.32019)).toBe('32.0%');
    expect(zh.pct(0.32019)).toBe('32.0%');
    expect(en.int(2289)).toBe('2,289');
    expect(zh.int(1234567)).toBe('1,234,567');
    expect(en.pct(-0.00001)).toBe('0.0%');
    expect(en.pp(-0.0004)).toBe('0.0');
    expect(en.points(-0.0004)).toBe('0.0');
    expect(en.pp(-0.012)).toBe('-1.2');
    expect(en.ratio(-0.001)).toBe('0.00');
  });

  it('p-values: "< 0.001" or three significant digits; probabilities clamped', () => {
    expect(en.p(1.1e-39)).toBe('<\u00a00.001');
    expect(en.p(0.012345)).toBe('0.0123');
    expect(en.p(0.41826)).toBe('0.418');
    expect(en.p(1)).toBe('1');
    expect(en.pIs(1e-9)).toBe('p\u00a0<\u00a00.001');
    expect(en.pIs(0.04)).toBe('p\u00a0=\u00a00.04');
    expect(en.prob(1)).toBe('>\u00a099.9%');
    expect(en.prob(0)).toBe('<\u00a00.1%');
    expect(en.prob(0.024)).toBe('2.4%');
  });

  it('hours as one-hour windows', () => {
    expect(en.hours(10)).toBe('10:00–11:00');
    expect(zh.hours('9')).toBe('09:00–10:00');
    expect(en.hours(23)).toBe('23:00–24:00');
    expect(en.hour(7)).toBe('07:00');
  });

  it('report cells use the same formats', () => {
    expect(formatCell(0.5, 'prob', 'zh')).toBe('50.0%');
    expect(formatCell(1, 'prob', 'en')).toBe('>\u00a099.9%');
    expect(formatCell(-0.04, 'pp', 'zh')).toBe('0.0');
    expect(formatCell(2.5, 'pp', 'zh')).toBe('+2.5');
    expect(formatCell(0.00002, 'p', 'en')).toBe('<\u00a00.001');
    expect(formatCell(12345, 'int', 'zh')).toBe('12,345');
  });
});
