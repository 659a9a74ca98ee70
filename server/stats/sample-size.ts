/**
 * Sample size, power and minimum detectable effect for comparing two hang-up rates with a
 * two-sided test, using the normal-approximation formula WITHOUT continuity correction
 * (Fleiss, Levin & Paik 2003, Statistical Methods for Rates and Proportions, 3rd ed., §4.2;
 * R's power.prop.test uses the same formula for equal arms):
 *   n1 = [z_{1−α/2} sqrt(p̄ q̄ (1 + 1/r)) + z_{power} sqrt(p1 q1 + p2 q2 / r)]² / (p1 − p2)²,
 * with r = n2 / n1 and p̄ = (p1 + r p2) / (1 + r), the pooled rate under H0.
 * Check: p1 = 0.10, p2 = 0.15, α = 0.05, power 0.8 gives 685.6 → 686 per group (R: 685.597).
 * The unpooled variant (sqrt(p1q1 + p2q2) in both terms) gives 683, and Fleiss's continuity-
 * corrected n' = n/4 (1 + sqrt(1 + 2(1 + 1/r)/(n |Δ|)))² gives 726: the pooled test is the one
 * this library runs (twoProportionZTest), so its formula is the one used.
 */
import { normalCdf, normalQuantile } from './normal';

/** Design inputs. Defaults: alpha 0.05 (two-sided), power 0.8, ratio 1. */
export interface DesignOptions {
  alpha?: number;
  power?: number;
  /** Allocation ratio r = n2 / n1 (arm 2 calls per arm 1 call). */
  ratio?: number;
}

/** Required calls per arm (rounded up) and the unrounded n1. NaN when p1 = p2 or rates invalid. */
export interface SampleSizeResult {
  n1: number;
  n2: number;
  total: number;
  exactN1: number;
}

function pieces(p1: number, p2: number, ratio: number) {
  const pBar = (p1 + ratio * p2) / (1 + ratio);
  return {
    null: Math.sqrt(pBar * (1 - pBar) * (1 + 1 / ratio)),
    alt: Math.sqrt(p1 * (1 - p1) + (p2 * (1 - p2)) / ratio),
  };
}

function validRate(p: number): boolean {
  return p > 0 && p < 1;
}

/** Calls per arm to detect p1 (baseline, arm 1) vs p2 (arm 2). */
export function sampleSizeTwoProportions(p1: number, p2: number, options: DesignOptions = {}): SampleSizeResult {
  const { alpha = 0.05, power = 0.8, ratio = 1 } = options;
  if (!validRate(p1) || !validRate(p2) || p1 === p2 || !(ratio > 0)) {
    return { n1: Number.NaN, n2: Number.NaN, total: Number.NaN, exactN1: Number.NaN };
  }
  const s = pieces(p1, p2, ratio);
  const exactN1 = (normalQuantile(1 - alpha / 2) * s.null + normalQuantile(power) * s.alt) ** 2 / (p1 - p2) ** 2;
  const n1 = Math.ceil(exactN1 - 1e-9);
  const n2 = Math.ceil(ratio * exactN1 - 1e-9);
  return { n1, n2, total: n1 + n2, exactN1 };
}

/** Power of the two-sided pooled test with n1 calls in arm 1 and ratio·n1 in arm 2. */
export function powerTwoProportions(p1: number, p2: number, n1: number, options: DesignOptions = {}): number {
  const { alpha = 0.05, ratio = 1 } = options;
  if (!validRate(p1) || !validRate(p2) || !(n1 > 0) || !(ratio > 0)) return Number.NaN;
  const s = pieces(p1, p2, ratio);
  // The far tail (rejecting in the wrong direction) is ignored, as in the sample-size formula.
  return normalCdf((Math.abs(p1 - p2) * Math.sqrt(n1) - normalQuantile(1 - alpha / 2) * s.null) / s.alt);
}

/** The smallest detectable change from the baseline, with the rate it corresponds to. */
export interface MdeResult {
  targetRate: number;
  /** |targetRate − baseline|; NaN when no rate in (0, 1) reaches the power. */
  effect: number;
}

/**
 * Minimum detectable effect for a baseline p1 with n1 calls in arm 1: the p2 at which the test
 * has the requested power. Default direction 'decrease' because a lower hang-up rate is the goal
 * (the MDE is slightly asymmetric around p1). Solved by bisection on the power function.
 */
export function minimumDetectableEffect(
  p1: number,
  n1: number,
  options: DesignOptions & { direction?: 'decrease' | 'increase' } = {},
): MdeResult {
  const { power = 0.8, direction = 'decrease' } = options;
  const none = { targetRate: Number.NaN, effect: Number.NaN };
  if (!validRate(p1) || !(n1 > 0)) return none;
  const far = direction === 'decrease' ? 1e-12 : 1 - 1e-12;
  if (powerTwoProportions(p1, far, n1, options) < power) return none;
  let near = p1;
  let reach = far;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (near + reach);
    if (powerTwoProportions(p1, mid, n1, options) >= power) reach = mid;
    else near = mid;
  }
  return { targetRate: reach, effect: Math.abs(reach - p1) };
}
