import { describe, expect, it } from 'vitest';
import { buildIntervalPlot, labelWidth, type IntervalRow } from '../../web/src/lib/charts/intervals.ts';
import { int, pct } from './fixtures.ts';

const text = { rate: 'Hang-up rate', interval: '95% interval', n: 'Answered', smallSample: 'small sample' };
const rows: IntervalRow[] = [
  { label: 'a07', rate: 0.48, low: 0.46, high: 0.5, n: 2289 },
  { label: 'a01', rate: 0.3, low: 0.28, high: 0.32, n: 2300 },
  { label: 'a41', rate: 0.33, low: 0.06, high: 0.79, n: 3 },
  { label: 'none', rate: null, low: null, high: null, n: 0 },
];

// Plot marks keep their options; reading them back keeps this test free of a DOM.
const marksOf = (o: ReturnType<typeof buildIntervalPlot>) =>
  o.marks as unknown as { ariaLabel: string; data: IntervalRow[] }[];

describe('buildIntervalPlot', () => {
  const o = buildIntervalPlot(rows, { width: 640, pct, int, text, reference: 0.31 });

  it('draws a rule per interval and a dot per rate, skipping rows without a rate', () => {
    const [reference, grid, ruleY, dot] = marksOf(o);
    expect(reference!.ariaLabel).toBe('rule'); // the dashed line at the overall rate
    expect(grid!.ariaLabel).toBe('x-grid');
    expect(ruleY!.ariaLabel).toBe('rule');
    expect(ruleY!.data).toHaveLength(3);
    expect(dot!.ariaLabel).toBe('dot');
    expect(dot!.data.map((r) => r.label)).toEqual(['a07', 'a01', 'a41']);
  });

  it('scales x to the readable intervals, so one tiny sample does not squash the rest', () => {
    const domain = (o.x as { domain: number[] }).domain;
    // From the whole ten below the lowest readable bound (28%, a01; a41's 6% is a small sample).
    expect(domain[0]).toBeCloseTo(0.2, 12);
    expect(domain[1]).toBeCloseTo(0.5 * 1.08);
  });

  it('keeps the given row order and sizes height and left margin to the labels', () => {
    const ordered = buildIntervalPlot(rows, { width: 640, pct, int, text, order: ['a01', 'a07', 'a41'] });
    expect((ordered.y as { domain: string[] }).domain).toEqual(['a01', 'a07', 'a41']);
    expect(o.height).toBe(3 * 24 + 40);
    expect(o.marginLeft).toBeGreaterThanOrEqual(48);
  });

  it('facets by the facet field, one panel per value, labels on the right', () => {
    const faceted = buildIntervalPlot(
      [
        { label: 'A', facet: '车险续保', rate: 0.3, low: 0.28, high: 0.32, n: 900 },
        { label: 'B', facet: '车险续保', rate: 0.25, low: 0.23, high: 0.27, n: 900 },
        { label: 'A', facet: '家庭保障', rate: 0.31, low: 0.29, high: 0.33, n: 900 },
      ],
      { width: 640, pct, int, text },
    );
    expect((faceted.fy as { domain: string[] }).domain).toEqual(['车险续保', '家庭保障']);
    expect(faceted.marginRight).toBeGreaterThanOrEqual(labelWidth('车险续保') + 20);
  });
});

describe('buildIntervalPlot with shrunk rates', () => {
  it('adds a tick at each shrunk rate under the dots, and names it in the tooltip', () => {
    const shrunkRows = rows.map((r, i) => ({ ...r, shrunk: [0.475, 0.301, 0.314, null][i] }));
    const o = buildIntervalPlot(shrunkRows, { width: 640, pct, int, text: { ...text, shrunk: 'Shrunk rate' } });
    const marks = marksOf(o);
    expect(marks.map((m) => m.ariaLabel)).toEqual(['x-grid', 'rule', 'tick', 'dot']);
    expect(marks[2]!.data.map((r) => r.label)).toEqual(['a07', 'a01', 'a41']);
  });
});

describe('labelWidth', () => {
  it('counts CJK glyphs as wide', () => {
    expect(labelWidth('白领')).toBeGreaterThan(labelWidth('ab'));
    expect(labelWidth('a41')).toBe(21);
  });
});
