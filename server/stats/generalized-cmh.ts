/**
 * Generalised Cochran–Mantel–Haenszel "general association" test for k arms across strata
 * (Landis, Heyman & Koch 1978): do hang-up rates differ between any of the k arms after
 * stratifying? With 2 arms it equals the CMH test without continuity correction.
 * Per stratum, with E events among N calls and N_j calls in arm j, the events per arm are
 * multivariate hypergeometric: mean E N_j / N, covariance E (N − E) / (N² (N − 1)) ·
 * (N diag(N_j) − N_j N_jᵀ). Q = dᵀ V⁺ d summed over strata, df = rank(V) (= k − 1 normally;
 * less when an arm has no calls in any informative stratum).
 */
import { chiSquareSf } from './chi-square';
import type { StrataUsage } from './cmh';
import { type ArmCounts, assertCounts } from './counts';
import { pseudoInverseQuadraticForm } from './linear-algebra';

/** Result; statistic and p NaN when no stratum is informative (df 0). */
export interface GeneralizedCmhResult extends StrataUsage {
  statistic: number;
  df: number;
  pValue: number;
}

/**
 * strata[h][j] = counts of arm j in stratum h (every stratum lists the same k arms in the same
 * order; an arm with no calls there is {events: 0, n: 0}). A stratum is skipped when it has
 * fewer than 2 calls, no events or only events, or calls in fewer than two arms.
 */
export function generalizedCmh(strata: ArmCounts[][]): GeneralizedCmhResult {
  const k = strata[0]?.length ?? 0;
  const d = new Array<number>(k).fill(0);
  const v = d.map(() => new Array<number>(k).fill(0));
  const skippedIndices: number[] = [];
  strata.forEach((arms, h) => {
    if (arms.length !== k) throw new RangeError(`stratum ${h} has ${arms.length} arms, expected ${k}`);
    arms.forEach((arm) => assertCounts(arm.events, arm.n));
    const n = arms.reduce((s, arm) => s + arm.n, 0);
    const e = arms.reduce((s, arm) => s + arm.events, 0);
    if (n < 2 || e === 0 || e === n || arms.filter((arm) => arm.n > 0).length < 2) {
      skippedIndices.push(h);
      return;
    }
    const factor = (e * (n - e)) / (n * n * (n - 1));
    arms.forEach((arm, i) => {
      d[i] += arm.events - (e * arm.n) / n;
      arms.forEach((other, j) => {
        v[i][j] += factor * ((i === j ? n * arm.n : 0) - arm.n * other.n);
      });
    });
  });
  const usage = {
    strataUsed: strata.length - skippedIndices.length,
    strataSkipped: skippedIndices.length,
    skippedIndices,
  };
  const { value, rank } = pseudoInverseQuadraticForm(d, v);
  if (rank === 0) return { statistic: Number.NaN, df: 0, pValue: Number.NaN, ...usage };
  return { statistic: value, df: rank, pValue: chiSquareSf(value, rank), ...usage };
}
