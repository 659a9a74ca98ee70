/**
 * Viridis: perceptually uniform (equal steps in rate look like equal steps in colour), readable
 * in greyscale and with colour-vision deficiencies. Ten stops from matplotlib's definition.
 */
export const VIRIDIS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
];

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The viridis colour at t in [0, 1] (clamped), interpolated between stops. */
export function viridis(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const a = hexToRgb(VIRIDIS[i]!);
  const b = hexToRgb(VIRIDIS[i + 1]!);
  const f = x - i;
  const c = a.map((v, k) => Math.round(v + (b[k]! - v) * f));
  return `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** Text colour readable on viridis at t: the dark end needs white text, the bright end black. */
export function labelColorOn(t: number): string {
  return t < 0.55 ? '#ffffff' : '#1f2328';
}

/** A [min, max] range for colouring rates, padded when all rates are equal. */
export function rateRange(rates: readonly number[]): [number, number] {
  if (rates.length === 0) return [0, 1];
  let lo = Math.min(...rates);
  let hi = Math.max(...rates);
  if (hi - lo < 0.005) {
    lo = Math.max(0, lo - 0.01);
    hi = Math.min(1, hi + 0.01);
  }
  return [lo, hi];
}

// The diverging good/bad palette of every rate map (shared with the weekly report).
export {
  GOOD_TO_BAD,
  centeredRange,
  colorAt,
  higherIsBetter,
  inkOn,
  rampFor,
} from '../../../../server/contract/palette.ts';
