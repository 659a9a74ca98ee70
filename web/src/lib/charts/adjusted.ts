import * as Plot from '@observablehq/plot';
import type { AbArm } from '../api-types.ts';
import { armRowsFrame } from './arm-rows.ts';
import { VIRIDIS } from './palette.ts';
import { INK, MUTED } from './theme.ts';

/** One arm crude and adjusted: the crude rate, the directly standardised one, the MH odds ratio vs control. */
export interface AdjustedRow {
  label: string;
  isControl: boolean;
  crude: number | null;
  standardised: number | null;
  oddsRatio: number | null;
  orLow: number | null;
  orHigh: number | null;
  simpson: boolean;
}

export function adjustedRows(arms: readonly AbArm[], label: (script: string) => string): AdjustedRow[] {
  return arms.map((a) => ({
    label: label(a.script),
    isControl: a.isControl,
    crude: a.rate,
    standardised: a.standardisedRate ?? null,
    // The control against itself is 1 by definition: drawn as the reference, not estimated.
    oddsRatio: a.isControl ? 1 : (a.oddsRatio ?? null),
    orLow: a.orCiLow ?? null,
    orHigh: a.orCiHigh ?? null,
    simpson: a.simpsonWarning === true,
  }));
}

interface Common {
  width: number;
  axis: string;
}
/** About one labelled tick per 80 px of plot width, so labels such as "26.0%" never overlap. */
export const tickCount = (width: number) => Math.max(3, Math.min(7, Math.floor((width - 120) / 80)));
const FILL = VIRIDIS[3]!;
const WARN = '#b34700'; // --bad: Simpson rows, with the text warning above the chart carrying it too

const frame = (rows: readonly AdjustedRow[], o: Common) =>
  armRowsFrame(
    rows.map((r) => r.label),
    o.width,
    20,
  );

/** Crude → standardised rate per arm: hollow dot, arrow, filled dot. */
export function buildRateShiftPlot(
  rows: readonly AdjustedRow[],
  o: Common & { pct: (r: number) => string; text: { crude: string; standardised: string } },
): Plot.PlotOptions {
  const xs = rows.flatMap((r) => [r.crude, r.standardised]).filter((x): x is number => x !== null);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = Math.max(0.005, (hi - lo) * 0.15);
  const both = rows.filter((r) => r.crude !== null && r.standardised !== null);
  const title = (r: AdjustedRow) =>
    `${r.label}\n${o.text.crude}: ${r.crude === null ? '–' : o.pct(r.crude)}\n${o.text.standardised}: ${r.standardised === null ? '–' : o.pct(r.standardised)}`;
  return {
    ...frame(rows, o),
    x: {
      domain: [Math.max(0, lo - pad), Math.min(1, hi + pad)],
      tickFormat: (v: number) => o.pct(v),
      label: o.axis,
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: tickCount(o.width),
    },
    marks: [
      Plot.gridX({ stroke: '#eceef0', strokeOpacity: 1, ticks: tickCount(o.width) }),
      Plot.arrow(both, {
        y: 'label',
        x1: 'crude',
        x2: 'standardised',
        stroke: (r: AdjustedRow) => (r.simpson ? WARN : MUTED),
        headLength: 7,
        insetStart: 6,
        insetEnd: 6,
      }),
      Plot.dot(
        rows.filter((r) => r.crude !== null),
        { x: 'crude', y: 'label', r: 5, fill: '#ffffff', stroke: FILL, strokeWidth: 1.5, title, tip: true },
      ),
      Plot.dot(
        rows.filter((r) => r.standardised !== null),
        { x: 'standardised', y: 'label', r: 5, fill: FILL, title },
      ),
    ],
  };
}

// Finer to coarser sets of ratio ticks, each closed under 1/x (roughly), so the axis reads the same both ways.
const RATIO_TICKS = [
  [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.33, 1.5, 2],
  [0.1, 0.2, 0.25, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 4, 5, 10],
  [0.1, 0.2, 0.5, 1, 2, 5, 10],
];

/**
 * Ticks for a log-scale ratio axis: Plot's own log ticks label only powers of ten, which a
 * range like 0.8–1.25 never reaches. The finest set that gives at most `max` ticks in view.
 */
export function ratioTicks(domain: readonly [number, number], max = 7): number[] {
  const inView = (set: number[]) => set.filter((x) => x >= domain[0] && x <= domain[1]);
  return RATIO_TICKS.map(inView).find((ticks) => ticks.length <= max) ?? inView(RATIO_TICKS.at(-1)!);
}

/** Mantel–Haenszel odds ratio vs the control with its 95% interval, log scale, line at 1. */
export function buildOddsRatioPlot(
  rows: readonly AdjustedRow[],
  o: Common & { ratio: (x: number) => string; text: { or: string; interval: string } },
): Plot.PlotOptions {
  const withCi = rows.filter((r) => r.orLow !== null && r.orHigh !== null && r.orLow > 0);
  const xs = [1, ...withCi.flatMap((r) => [r.orLow!, r.orHigh!])];
  // Symmetric on the log scale around 1, so "half as likely" and "twice as likely" look alike.
  const span = Math.max(1.1, ...xs.map((x) => Math.max(x, 1 / x))) * 1.04;
  const ticks = ratioTicks([1 / span, span], tickCount(o.width));
  const title = (r: AdjustedRow) =>
    `${r.label}\n${o.text.or}: ${r.oddsRatio === null ? '–' : o.ratio(r.oddsRatio)}\n${o.text.interval}: ${r.orLow === null ? '–' : `${o.ratio(r.orLow)} – ${o.ratio(r.orHigh!)}`}`;
  return {
    ...frame(rows, o),
    x: {
      type: 'log',
      domain: [1 / span, span],
      tickFormat: (v: number) => o.ratio(v),
      label: o.axis,
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks,
    },
    marks: [
      Plot.gridX(ticks, { stroke: '#eceef0', strokeOpacity: 1 }),
      Plot.ruleX([1], { stroke: INK }),
      Plot.ruleY(withCi, {
        y: 'label',
        x1: 'orLow',
        x2: 'orHigh',
        stroke: (r: AdjustedRow) => (r.simpson ? WARN : INK),
        strokeWidth: 2,
      }),
      Plot.dot(
        rows.filter((r) => r.oddsRatio !== null && !r.isControl),
        { x: 'oddsRatio', y: 'label', r: 5, fill: FILL, title, tip: true },
      ),
      Plot.dot(
        rows.filter((r) => r.isControl),
        { x: 1, y: 'label', r: 4, fill: '#ffffff', stroke: MUTED },
      ),
    ],
  };
}
