import { describe, expect, it } from 'vitest';
import { buildIntervalPlot, intervalDomain, labelWidth, type IntervalRow } from '../../web/src/lib/charts/intervals.ts';
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

describe('intervalDomain', () => {
  // /segments by age band: a "(none)" band seen on 2 answered calls, both hung up early.
  const bands: IntervalRow[] = [
    { label: '18-25', rate: 0.34, low: 0.32, high: 0.36, n: 2100 },
    { label: '26-35', rate: 0.29, low: 0.27, high: 0.31, n: 2400 },
    { label: '36-50', rate: 0.27, low: 0.25, high: 0.29, n: 2000 },
    { label: '(none)', rate: 1, low: 0.34, high: 1, n: 2 },
  ];

  it('comes from the rows with enough calls: a 2-call rate of 100% does not stretch it', () => {
    const [start, end] = intervalDomain(bands, { reference: 0.3 });
    expect(start).toBeCloseTo(0.2, 12);
    expect(end).toBeCloseTo(0.36 * 1.08, 12);
    // Nor one of 0% pull its start down to 0.
    const low = intervalDomain([...bands.slice(0, 3), { label: '(none)', rate: 0, low: 0, high: 0.66, n: 2 }]);
    expect(low[0]).toBeCloseTo(0.2, 12);
  });

  it('keeps the reference line and every shrunk tick in view', () => {
    expect(intervalDomain(bands, { reference: 0.45 })[1]).toBeCloseTo(0.45 * 1.08, 12);
    expect(intervalDomain(bands, { reference: 0.12 })[0]).toBeCloseTo(0.1, 12);
    const shrunk = bands.map((r) => ({ ...r, shrunk: r.n < 30 ? 0.4 : r.rate }));
    expect(intervalDomain(shrunk)[1]).toBeCloseTo(0.4 * 1.08, 12);
  });

  it('falls back to the rates (not their 0–100% intervals) when no row has enough calls', () => {
    const thin = bands.map((r) => ({ ...r, n: 5 }));
    expect(intervalDomain(thin)).toEqual([0.2, 1]);
    const [start, end] = intervalDomain(thin.slice(0, 3));
    expect(start).toBeCloseTo(0.2, 12);
    expect(end).toBeCloseTo(0.34 * 1.08, 12);
  });

  it('honours minSample, a 5% floor and the [0, 1] bounds; rows without a rate are ignored', () => {
    expect(intervalDomain(bands, { minSample: 1 })).toEqual([0.2, 1]);
    const rare = [{ label: 'x', rate: 0.01, low: 0.005, high: 0.02, n: 4000 }];
    expect(intervalDomain(rare)).toEqual([0, 0.05 * 1.08]);
    expect(intervalDomain([{ label: 'none', rate: null, low: null, high: null, n: 0 }])).toEqual([0, 0.05 * 1.08]);
  });

  it('is what buildIntervalPlot draws; a small-sample rate beyond it is a hollow arrow at the edge', () => {
    const o = buildIntervalPlot(bands, {
      width: 640,
      pct,
      int,
      text: { ...text, offScale: 'beyond the axis' },
      reference: 0.3,
    });
    const domain = (o.x as { domain: number[] }).domain;
    expect(domain[1]).toBeCloseTo(0.36 * 1.08, 12); // not 100% × 1.08 for the 2-call band
    expect(domain).toEqual(intervalDomain(bands, { reference: 0.3 }));
    const marks = o.marks as unknown as {
      ariaLabel: string;
      data: IntervalRow[];
      channels: Record<string, { value: unknown }>;
    }[];
    const dots = marks.filter((m) => m.ariaLabel === 'dot');
    expect(dots.map((m) => m.data.map((r) => r.label))).toEqual([['18-25', '26-35', '36-50'], ['(none)']]);
    const arrow = dots[1]!.channels;
    const row = bands[3]!;
    expect((arrow.x!.value as (r: IntervalRow) => number)(row)).toBe(domain[1]);
    expect((arrow.rotate!.value as (r: IntervalRow) => number)(row)).toBe(90); // pointing right
    // The tooltip still gives the true rate.
    const title = (arrow.title!.value as (r: IntervalRow) => string)(row);
    expect(title).toContain('Hang-up rate: 100.0%');
    expect(title).toContain('small sample');
    expect(title).toContain('beyond the axis');
  });
});

describe('labelWidth', () => {
  it('counts CJK glyphs as wide', () => {
    expect(labelWidth('白领')).toBeGreaterThan(labelWidth('ab'));
    expect(labelWidth('a41')).toBe(21);
  });
});
