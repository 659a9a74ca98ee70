import * as Plot from '@observablehq/plot';
import { CJK_CHAR, FONT_STACK, INK, MIN_SAMPLE, MUTED, SMALL_SAMPLE_GREY } from './theme.ts';

export interface IntervalRow {
  label: string;
  /** A longer description shown in the tooltip under the label (e.g. an opening line's text). */
  note?: string;
  /** Optional facet (e.g. campaign): one panel per value, stacked. */
  facet?: string;
  rate: number | null;
  low: number | null;
  high: number | null;
  /** The rate's denominator. */
  n: number;
  /** Optional empirical-Bayes shrunk rate, drawn as a tick next to the raw dot. */
  shrunk?: number | null;
}

export interface IntervalOptions {
  width: number;
  pct: (r: number | null) => string;
  int: (n: number) => string;
  text: { rate: string; interval: string; n: string; smallSample: string; shrunk?: string; offScale?: string };
  /** Row order (labels); defaults to the order of `rows`. */
  order?: readonly string[];
  /** A dashed reference line, e.g. the rate over all selected calls. */
  reference?: number | null;
  minSample?: number;
}

const ROW_PX = 24;
const FILL = '#31688e'; // viridis blue-teal: dark enough for 4.5:1 on white
/** The shrunk-rate tick: viridis green, apart from the blue dot yet from the same scale. */
export const SHRUNK_COLOR = '#1f9e89';

/** Rough width of a label in px: CJK glyphs are about twice as wide as Latin ones at 12px. */
export function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += CJK_CHAR.test(ch) ? 12.5 : 7;
  return Math.ceil(w);
}

/**
 * The value axis of an interval chart, [start, end]. Only rows with enough calls set it when there
 * are any: their rates, intervals and shrunk ticks, and the reference line. A small-sample row's
 * rate (a "(none)" age band at 100% on 2 calls) and its interval do not: they would stretch the
 * axis and squash every well-measured dot. Shrunk rates count for every row: shrinkage is what
 * makes a small sample readable. With no readable row, the rates alone (not their near 0–100%
 * intervals) set it. The axis starts at the whole ten of percent below the lowest value (0% when
 * rates are low), so differences between 25% and 38% are not squeezed into the right third.
 */
export function intervalDomain(
  rows: readonly IntervalRow[],
  o: { minSample?: number; reference?: number | null } = {},
): [number, number] {
  const minN = o.minSample ?? MIN_SAMPLE;
  const data = rows.filter((r) => r.rate !== null);
  const readable = data.filter((r) => r.n >= minN);
  const values = [
    ...(readable.length ? readable : data).flatMap((r) => [r.rate, ...(readable.length ? [r.low, r.high] : [])]),
    ...data.map((r) => r.shrunk),
    o.reference,
  ].filter((v): v is number => v != null);
  const start = values.length ? Math.max(0, Math.floor(Math.min(...values) * 10 - 1e-9) / 10) : 0;
  const end = Math.min(1, Math.max(0.05, ...values) * 1.08);
  return [start, end];
}

/** A dot per rate with its 95% interval as a line (Observable Plot options; pure until Plot.plot). */
export function buildIntervalPlot(rows: readonly IntervalRow[], o: IntervalOptions): Plot.PlotOptions {
  const minN = o.minSample ?? MIN_SAMPLE;
  const data = rows.filter((r) => r.rate !== null);
  const facets = [...new Set(data.map((r) => r.facet).filter((f): f is string => f !== undefined))];
  const labels = o.order ?? [...new Set(data.map((r) => r.label))];
  const small = (r: IntervalRow) => r.n < minN;
  const [start, end] = intervalDomain(data, { minSample: minN, reference: o.reference });
  // A small-sample rate beyond the axis is drawn at the edge as a hollow arrow pointing the way it
  // lies, its true value in the tooltip and the table view: the row does not look empty, the axis
  // stays the readable rows', and no position on the scale is claimed for a number too thin to read.
  const beyond = (r: IntervalRow) => (r.rate! > end ? 1 : r.rate! < start ? -1 : 0);
  const offScale = data.filter((r) => beyond(r) !== 0);
  const title = (r: IntervalRow) =>
    [
      `${r.facet ? `${r.facet} · ` : ''}${r.label}`,
      ...(r.note ? [r.note] : []),
      `${o.text.rate}: ${o.pct(r.rate)}`,
      `${o.text.interval}: ${o.pct(r.low)} – ${o.pct(r.high)}`,
      `${o.text.n}: ${o.int(r.n)}`,
    ]
      .concat(r.shrunk != null && o.text.shrunk ? [`${o.text.shrunk}: ${o.pct(r.shrunk)}`] : [])
      .concat(small(r) ? [o.text.smallSample] : [])
      .concat(beyond(r) !== 0 && o.text.offScale ? [o.text.offScale] : [])
      .join('\n');
  const fy = facets.length > 0 ? 'facet' : undefined;
  const panelRows = labels.length;
  const marks: Plot.Markish[] = [
    Plot.gridX({ stroke: '#eceef0', strokeOpacity: 1 }),
    Plot.ruleY(data, {
      y: 'label',
      x1: 'low',
      x2: 'high',
      fy,
      clip: true,
      stroke: (r: IntervalRow) => (small(r) ? SMALL_SAMPLE_GREY : INK),
      strokeWidth: 2,
    }),
    Plot.dot(offScale.length ? data.filter((r) => beyond(r) === 0) : data, {
      x: 'rate',
      y: 'label',
      fy,
      r: 4.5,
      fill: (r: IntervalRow) => (small(r) ? '#ffffff' : FILL),
      stroke: (r: IntervalRow) => (small(r) ? MUTED : FILL),
      title,
      tip: true,
    }),
  ];
  if (offScale.length)
    marks.push(
      Plot.dot(offScale, {
        x: (r: IntervalRow) => (beyond(r) > 0 ? end : start),
        y: 'label',
        fy,
        symbol: 'triangle',
        rotate: (r: IntervalRow) => beyond(r) * 90,
        r: 5,
        fill: '#ffffff',
        stroke: MUTED,
        title,
        tip: true,
      }),
    );
  const shrunk = data.filter((r) => r.shrunk != null);
  // Under the dot, so the raw rate stays on top; a tick, so the two never read as one point.
  if (shrunk.length)
    marks.splice(2, 0, Plot.tickX(shrunk, { x: 'shrunk', y: 'label', fy, stroke: SHRUNK_COLOR, strokeWidth: 3 }));
  if (o.reference != null) marks.unshift(Plot.ruleX([o.reference], { stroke: MUTED, strokeDasharray: '4,3' }));
  const labelPx = Math.max(48, ...labels.map(labelWidth)) + 12;
  return {
    width: o.width,
    height: Math.max(1, facets.length) * (panelRows * ROW_PX + (fy ? 28 : 0)) + 40,
    marginLeft: labelPx,
    // fy labels (e.g. campaigns) sit right of each panel.
    marginRight: fy ? Math.max(...facets.map(labelWidth)) + 20 : 16,
    marginTop: fy ? 24 : 8,
    style: { fontFamily: FONT_STACK, fontSize: '12px', color: INK, background: 'transparent' },
    x: { domain: [start, end], tickFormat: (v: number) => o.pct(v), label: null, grid: false },
    y: { domain: [...labels], label: null, tickSize: 0 },
    fy: fy ? { domain: facets, label: null, axis: 'right', tickSize: 0 } : undefined,
    facet: fy ? { label: null } : undefined,
    marks,
  };
}
