/**
 * Sample-ratio mismatch (SRM) check: are the arms' call counts consistent with the intended
 * split? A chi-square goodness-of-fit test; a tiny p means assignment or logging is broken and
 * the experiment's comparisons should not be trusted (Fabijan et al. 2019, KDD).
 * The default threshold 0.001 is the usual one: SRM is checked on every experiment, so a
 * strict level keeps false alarms rare, and real SRMs with large n give far smaller p.
 */
import { chiSquareSf } from './chi-square';

/** Result of the SRM check. */
export interface SrmResult {
  statistic: number;
  df: number;
  pValue: number;
  /** True when p < threshold. False when the test cannot be run (no calls: p is NaN). */
  mismatch: boolean;
  threshold: number;
  /** Expected counts under the intended weights, in input order. */
  expected: number[];
}

/**
 * Goodness-of-fit of observed arm counts to intended weights (normalised to sum 1).
 * An arm with weight 0 and observed calls is an impossible allocation: statistic Infinity,
 * p = 0, mismatch. Arms with weight 0 and no calls are ignored (df counts weighted arms − 1).
 */
export function sampleRatioMismatch(observed: number[], weights: number[], threshold = 0.001): SrmResult {
  if (observed.length !== weights.length) throw new RangeError('observed and weights differ in length');
  if (weights.some((w) => !(w >= 0)) || observed.some((o) => !(o >= 0))) {
    throw new RangeError('counts and weights must be non-negative');
  }
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const total = observed.reduce((s, o) => s + o, 0);
  const expected = weights.map((w) => (totalWeight > 0 ? (total * w) / totalWeight : Number.NaN));
  const df = weights.filter((w) => w > 0).length - 1;
  if (total === 0 || totalWeight === 0 || df < 1) {
    return { statistic: Number.NaN, df, pValue: Number.NaN, mismatch: false, threshold, expected };
  }
  let statistic = 0;
  observed.forEach((o, i) => {
    if (expected[i] > 0) statistic += (o - expected[i]) ** 2 / expected[i];
    else if (o > 0) statistic = Infinity;
  });
  const pValue = chiSquareSf(statistic, df);
  return { statistic, df, pValue, mismatch: pValue < threshold, threshold, expected };
}
