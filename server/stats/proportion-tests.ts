/**
 * Frequentist tests of hang-up rates between arms.
 * Convention for degenerate data: when every call in the compared arms has the same outcome
 * (0 events or all events), the observed rates are identical, so the statistic is 0 and p = 1
 * (the formula's 0/0 is resolved by the data, not hidden). Arms with n = 0 carry no information:
 * they are dropped from the chi-square test and listed in `droppedArms`.
 */
import { chiSquareSf } from './chi-square';
import { normalSf } from './normal';
import { type ArmCounts, assertCounts } from './counts';

/** Result of the pooled two-proportion z-test; z and p are NaN when either n is 0. */
export interface TwoProportionZTest {
  difference: number;
  z: number;
  pValue: number;
}

/**
 * Pooled two-proportion z-test of H0: p1 = p2, two-sided.
 * z = (p1 − p2) / sqrt(p̄(1 − p̄)(1/n1 + 1/n2)); z² equals the 2 x 2 chi-square without
 * continuity correction (R: prop.test(..., correct = FALSE)).
 */
export function twoProportionZTest(a: ArmCounts, b: ArmCounts): TwoProportionZTest {
  assertCounts(a.events, a.n);
  assertCounts(b.events, b.n);
  if (a.n === 0 || b.n === 0) return { difference: Number.NaN, z: Number.NaN, pValue: Number.NaN };
  const difference = a.events / a.n - b.events / b.n;
  const pooled = (a.events + b.events) / (a.n + b.n);
  const variance = pooled * (1 - pooled) * (1 / a.n + 1 / b.n);
  if (variance === 0) return { difference, z: 0, pValue: 1 };
  const z = difference / Math.sqrt(variance);
  return { difference, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}

/** Chi-square test of independence on a 2 x k table (arms x {event, non-event}). */
export interface ChiSquareTest {
  statistic: number;
  df: number;
  pValue: number;
  /** Indices of input arms with n = 0, left out of the table. */
  droppedArms: number[];
}

/**
 * Pearson chi-square test that all k arms share one hang-up rate (no continuity correction),
 * df = k' − 1 where k' counts arms with calls. Fewer than two such arms: statistic, df and p NaN.
 * Reference: R prop.test on Fleiss's smokers data gives 12.6004, df 3, p 0.005585.
 */
export function chiSquareIndependence(arms: ArmCounts[]): ChiSquareTest {
  arms.forEach((arm) => assertCounts(arm.events, arm.n));
  const droppedArms = arms.flatMap((arm, i) => (arm.n === 0 ? [i] : []));
  const kept = arms.filter((arm) => arm.n > 0);
  if (kept.length < 2) {
    return { statistic: Number.NaN, df: Number.NaN, pValue: Number.NaN, droppedArms };
  }
  const df = kept.length - 1;
  const total = kept.reduce((s, arm) => s + arm.n, 0);
  const pooled = kept.reduce((s, arm) => s + arm.events, 0) / total;
  if (pooled === 0 || pooled === 1) return { statistic: 0, df, pValue: 1, droppedArms };
  let statistic = 0;
  for (const arm of kept) {
    const expected = arm.n * pooled;
    // The event and non-event cells of an arm share the same (O − E)².
    const d2 = (arm.events - expected) ** 2;
    statistic += d2 / expected + d2 / (arm.n - expected);
  }
  return { statistic, df, pValue: chiSquareSf(statistic, df), droppedArms };
}
