import * as Plot from '@observablehq/plot';
import type { SurvivalGroup } from '../api-types.ts';
import { viridis } from './palette.ts';
import { FONT_STACK, INK } from './theme.ts';

/** One step of a curve: S(t) and its 95% band from t until the next step. */
export interface KmStep {
  key: string;
  label: string;
  /** The group's longer description for the tooltip (an opening line's wording), when stored. */
  note?: string;
  t: number;
  survival: number;
  low: number;
  high: number;
  atRisk: number;
}

/**
 * The curves cut at maxT, ready for step-after lines: each starts at (0, 1) and ends with its
 * last value at maxT, so every curve spans the same window. `noteOf` gives a group's wording
 * for the tooltip (the legend keeps the short label).
 */
export function kmSteps(
  groups: readonly SurvivalGroup[],
  maxT: number,
  label: (key: string) => string,
  noteOf: (key: string) => string | null = () => null,
): KmStep[] {
  return groups.flatMap((g) => {
    const name = label(g.key);
    const note = noteOf(g.key) || undefined;
    const steps: KmStep[] = [{ key: g.key, label: name, note, t: 0, survival: 1, low: 1, high: 1, atRisk: g.n }];
    for (const p of g.points) {
      if (p.t > maxT) break;
      // The log-log band is undefined once S = 0: draw it as the point itself.
      steps.push({
        key: g.key,
        label: name,
        note,
        t: p.t,
        survival: p.survival,
        low: p.ciLow ?? p.survival,
        high: p.ciHigh ?? p.survival,
        atRisk: p.atRisk,
      });
    }
    const last = steps[steps.length - 1]!;
    if (last.t < maxT) steps.push({ ...last, t: maxT });
    return steps;
  });
}

/**
 * n colours from viridis for categories (scripts), stopping short of the yellow end, which is
 * too light for a line on white.
 */
export function viridisCategories(n: number): string[] {
  if (n <= 1) return [viridis(0.3)];
  return Array.from({ length: n }, (_, i) => viridis((i / (n - 1)) * 0.8));
}

export interface KmOptions {
  width: number;
  maxT: number;
  /** A dashed vertical line, e.g. at the early hang-up threshold the sentence reads S(t) at. */
  mark?: number;
  /** Legend order: the groups' labels. */
  labels: readonly string[];
  pct: (r: number) => string;
  text: { x: string; y: string; survival: string; interval: string; atRisk: string };
}

/** Kaplan–Meier step curves with their 95% bands (Observable Plot; pure until Plot.plot). */
export function buildKmPlot(steps: readonly KmStep[], o: KmOptions): Plot.PlotOptions {
  const lows = steps.map((s) => s.low);
  // Start the axis a little under the lowest band in view (tenths): survival curves live high
  // on the axis, and 0-1 would flatten every difference that matters.
  const floor = Math.max(0, Math.floor((Math.min(1, ...lows) - 0.02) * 10) / 10);
  const title = (s: KmStep) =>
    [
      `${s.label} · ${s.t} s`,
      ...(s.note ? [s.note] : []),
      `${o.text.survival}: ${o.pct(s.survival)}`,
      `${o.text.interval}: ${o.pct(s.low)} – ${o.pct(s.high)}`,
      `${o.text.atRisk}: ${s.atRisk}`,
    ].join('\n');
  return {
    width: o.width,
    height: 320,
    marginLeft: 48,
    marginBottom: 40,
    style: { fontFamily: FONT_STACK, fontSize: '12px', color: INK, background: 'transparent' },
    x: {
      domain: [0, o.maxT],
      label: o.text.x,
      labelAnchor: 'center',
      labelArrow: 'none',
      ticks: Array.from({ length: o.maxT / 10 + 1 }, (_, i) => i * 10),
    },
    y: { domain: [floor, 1], label: o.text.y, labelArrow: 'none', tickFormat: (v: number) => o.pct(v), grid: true },
    color: { domain: [...o.labels], range: viridisCategories(o.labels.length), legend: true },
    marks: [
      Plot.areaY(steps, {
        x: 't',
        y1: 'low',
        y2: 'high',
        z: 'label',
        fill: 'label',
        fillOpacity: 0.18,
        curve: 'step-after',
      }),
      Plot.lineY(steps, { x: 't', y: 'survival', z: 'label', stroke: 'label', strokeWidth: 2, curve: 'step-after' }),
      ...(o.mark != null ? [Plot.ruleX([o.mark], { stroke: '#9aa1a9', strokeDasharray: '3,3' })] : []),
      Plot.tip(steps, Plot.pointer({ x: 't', y: 'survival', title })),
    ],
  };
}
