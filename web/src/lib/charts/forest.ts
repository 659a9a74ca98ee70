import * as Plot from '@observablehq/plot';
import type { ForestRow } from '../ab.ts';
import { armRowsFrame } from './arm-rows.ts';
import { VIRIDIS } from './palette.ts';
import { INK } from './theme.ts';

/** An arm's row with its axis label and, for the tooltip, a longer note (its opening line). */
export type ForestPoint = ForestRow & { label: string; note?: string };

export interface ForestOptions {
  width: number;
  /** Percentage points, e.g. "-6.2". */
  points: (x: number) => string;
  int: (n: number) => string;
  text: { axis: string; diff: string; interval: string; sequence: string; n: string };
}

const FILL = VIRIDIS[3]!; // #31688e, as the rate dots elsewhere
/** The always-valid sequence: a wide, light band behind the Newcombe line. */
export const SEQUENCE_COLOR = VIRIDIS[6]!;

/** The x range: every interval and 0 (the control), padded so end caps never touch the frame. */
export function forestDomain(rows: readonly ForestRow[]): [number, number] {
  const xs = rows
    .flatMap((r) => [r.low, r.high, r.seqLow, r.seqHigh])
    .filter((x): x is number => x !== null && Number.isFinite(x));
  const lo = Math.min(0, ...xs);
  const hi = Math.max(0, ...xs);
  const pad = Math.max(0.002, (hi - lo) * 0.08);
  return [lo - pad, hi + pad];
}

/**
 * Forest plot of each arm's difference to the control (arm − control, hang-up rate): dot and
 * Newcombe 95% interval, the always-valid confidence sequence as a band behind it, a line at 0.
 * Left of 0 = fewer early hang-ups than the control. A filled dot: the interval excludes 0.
 */
export function buildForestPlot(rows: readonly ForestPoint[], o: ForestOptions): Plot.PlotOptions {
  const pp = (x: number | null) => (x === null ? '–' : `${o.points(x)} pp`);
  const title = (r: ForestPoint) =>
    [
      r.label,
      ...(r.note ? [r.note] : []),
      `${o.text.diff}: ${pp(r.diff)}`,
      `${o.text.interval}: ${pp(r.low)} – ${pp(r.high)}`,
      ...(r.seqLow !== null ? [`${o.text.sequence}: ${pp(r.seqLow)} – ${pp(r.seqHigh)}`] : []),
      `${o.text.n}: ${o.int(r.answered)}`,
    ].join('\n');
  const withSeq = rows.filter((r) => r.seqLow !== null && r.seqHigh !== null);
  return {
    ...armRowsFrame(
      rows.map((r) => r.label),
      o.width,
      16,
    ),
    x: {
      domain: forestDomain(rows),
      tickFormat: (v: number) => o.points(v),
      label: o.text.axis,
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    marks: [
      Plot.gridX({ stroke: '#eceef0', strokeOpacity: 1 }),
      Plot.ruleX([0], { stroke: INK, strokeWidth: 1 }),
      Plot.ruleY(withSeq, {
        y: 'label',
        x1: 'seqLow',
        x2: 'seqHigh',
        stroke: SEQUENCE_COLOR,
        strokeOpacity: 0.4,
        strokeWidth: 12,
      }),
      Plot.ruleY(rows, { y: 'label', x1: 'low', x2: 'high', stroke: INK, strokeWidth: 2 }),
      Plot.dot(rows, {
        x: 'diff',
        y: 'label',
        r: 5,
        fill: (r: ForestPoint) => (r.clear ? FILL : '#ffffff'),
        stroke: FILL,
        strokeWidth: 1.5,
        title,
        tip: true,
      }),
    ],
  };
}
