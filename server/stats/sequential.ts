/**
 * Always-valid inference for the difference in hang-up rate, arm − control, so the dashboard
 * can be checked every day without inflating false positives (the "peeking" problem).
 *
 * Method: the normal-mixture sequential probability ratio test (mSPRT) of Johari, Koomen,
 * Pekelis & Walsh ("Peeking at A/B tests", KDD 2017; "Always valid inference", Operations
 * Research 2022), which is also the normal-mixture boundary of Howard, Ramdas, McAuliffe &
 * Sekhon (2021, Ann. Statist.). With θ̂ the observed difference and V its variance at a look,
 * mixing θ ~ N(0, τ²) gives the likelihood ratio
 *   Λ = sqrt(V / (V + τ²)) · exp(τ² θ̂² / (2 V (V + τ²))),
 * the always-valid p-value p_n = min(p_{n−1}, 1/Λ_n) and the confidence sequence
 *   θ̂ ± sqrt(V (V + τ²) / τ² · (2 log(1/α) + log((V + τ²) / V))),
 * intersected over looks. V is the plug-in Bernoulli variance p̂_a(1 − p̂_a)/n_a + p̂_c(1 − p̂_c)/n_c,
 * so the guarantee is asymptotic (as for every CLT-based A/B test); looks before each arm has
 * `minPerArm` calls, or with V = 0 (all outcomes identical so far), add no evidence.
 */
import { type ArmCounts, assertCounts } from './counts';

/** Cumulative counts at one look (each look includes all earlier calls). */
export interface SequentialLook {
  arm: ArmCounts;
  control: ArmCounts;
}

/** Tuning. Defaults: tau2 = 0.001, alpha = 0.05, minPerArm = 100. */
export interface SequentialOptions {
  /**
   * Mixing variance τ² of the effect, in (rate difference)². Default 0.001 (τ ≈ 3.2 percentage
   * points): the scale of hang-up-rate changes worth acting on. Johari et al. advise matching τ
   * to the effects one expects; the boundary is tightest where V is a little below τ².
   */
  tau2?: number;
  alpha?: number;
  /** Calls each arm needs before a look counts (normal approximation). Default 100. */
  minPerArm?: number;
}

/** State after one look. Before any look counts: pValue 1, bounds [−1, 1]. */
export interface SequentialPoint {
  difference: number;
  variance: number;
  /** Always-valid p-value: running minimum of 1/Λ over the looks so far. */
  pValue: number;
  /** Confidence sequence at this look, intersected with all earlier looks; clamped to [−1, 1]. */
  lower: number;
  upper: number;
  /** True once pValue < alpha (equivalently, 0 has left the confidence sequence). */
  significant: boolean;
}

/** Result; method and tuning are included so the UI can state what was computed. */
export interface SequentialResult {
  method: string;
  tau2: number;
  alpha: number;
  minPerArm: number;
  points: SequentialPoint[];
  /** The last point (or the no-evidence state when there are no looks). */
  latest: SequentialPoint;
}

export const SEQUENTIAL_METHOD =
  'mSPRT normal-mixture always-valid p-value and confidence sequence (Johari et al. 2017; Howard et al. 2021)';

/** Λ for an observed difference with variance V under mixing variance τ² (H0: θ = 0). */
export function mixtureLikelihoodRatio(difference: number, variance: number, tau2: number): number {
  const s = variance + tau2;
  return Math.sqrt(variance / s) * Math.exp((tau2 * difference * difference) / (2 * variance * s));
}

/** Half-width of the mixture confidence sequence at variance V. */
export function confidenceSequenceHalfWidth(variance: number, tau2: number, alpha: number): number {
  const s = variance + tau2;
  return Math.sqrt(((variance * s) / tau2) * (2 * Math.log(1 / alpha) + Math.log(s / variance)));
}

/** Runs the mSPRT over the looks in order. */
export function alwaysValidDifference(looks: SequentialLook[], options: SequentialOptions = {}): SequentialResult {
  const { tau2 = 0.001, alpha = 0.05, minPerArm = 100 } = options;
  if (!(tau2 > 0) || !(alpha > 0 && alpha < 1)) throw new RangeError('tau2 > 0 and 0 < alpha < 1 required');
  let state: SequentialPoint = {
    difference: Number.NaN,
    variance: Number.NaN,
    pValue: 1,
    lower: -1,
    upper: 1,
    significant: false,
  };
  const points = looks.map(({ arm, control }) => {
    assertCounts(arm.events, arm.n);
    assertCounts(control.events, control.n);
    const pa = arm.n > 0 ? arm.events / arm.n : Number.NaN;
    const pc = control.n > 0 ? control.events / control.n : Number.NaN;
    const difference = pa - pc;
    const variance = (pa * (1 - pa)) / arm.n + (pc * (1 - pc)) / control.n;
    let { pValue, lower, upper } = state;
    if (Math.min(arm.n, control.n) >= minPerArm && variance > 0) {
      pValue = Math.min(pValue, 1 / mixtureLikelihoodRatio(difference, variance, tau2));
      const half = confidenceSequenceHalfWidth(variance, tau2, alpha);
      lower = Math.max(lower, difference - half);
      upper = Math.min(upper, difference + half);
    }
    state = { difference, variance, pValue, lower, upper, significant: pValue < alpha };
    return state;
  });
  return { method: SEQUENTIAL_METHOD, tau2, alpha, minPerArm, points, latest: state };
}
