/**
 * The diverging palette for rates on a map (heatmaps on /when, /segments and in the weekly
 * report): blue is better than the view's overall rate, red is worse, near-white is about
 * average. Blue–red stays distinguishable with the common colour-vision deficiencies (ColorBrewer
 * RdBu). "Better" depends on the metric: a low hang-up or short-call rate, a high connect rate.
 */
export const GOOD_TO_BAD = [
  '#2166ac',
  '#4393c3',
  '#92c5de',
  '#d1e5f0',
  '#f7f7f7',
  '#fddbc7',
  '#f4a582',
  '#d6604d',
  '#b2182b',
] as const;

/** Whether a higher value of the metric is good news (connect rate) or bad (hang-up, short-call rate). */
export const higherIsBetter = (metric: string) => metric === 'connectRate' || metric === 'connect';

/**
 * The colour stops from the low end of the scale to the high end: good → bad when a higher rate
 * is worse, reversed when it is better.
 */
export function rampFor(metric: string): string[] {
  return higherIsBetter(metric) ? [...GOOD_TO_BAD].reverse() : [...GOOD_TO_BAD];
}

/**
 * A scale symmetric around `center` (the view's overall rate) that holds every rate, so the
 * midpoint colour means "average" and equal distances above and below look equally strong.
 */
export function centeredRange(rates: readonly number[], center: number | null): [number, number] {
  const finite = rates.filter((r) => Number.isFinite(r));
  const c =
    center !== null && Number.isFinite(center)
      ? center
      : finite.length
        ? finite.reduce((s, r) => s + r, 0) / finite.length
        : 0.5;
  const spread = Math.max(0.01, ...finite.map((r) => Math.abs(r - c)));
  return [c - spread, c + spread];
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The colour at t in [0, 1] (clamped) along the stops. */
export function colorAt(stops: readonly string[], t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0.5)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const a = hexToRgb(stops[i]!);
  const b = hexToRgb(stops[i + 1]!);
  const f = x - i;
  return `#${a
    .map((v, k) =>
      Math.round(v + (b[k]! - v) * f)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Text readable on the diverging scale at t: white on the strong ends, dark ink near the middle. */
export function inkOn(t: number): string {
  return t < 0.2 || t > 0.8 ? '#ffffff' : '#1f2328';
}
