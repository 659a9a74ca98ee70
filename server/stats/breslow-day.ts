/**
 * Breslow–Day test that the odds ratio is the same in every stratum (homogeneity).
 * If it rejects, one common odds ratio (and the CMH test's single summary) hides real
 * differences between strata, e.g. an arm that helps in the morning and hurts at night.
 * Default: the original Breslow–Day statistic WITHOUT Tarone's (1985) correction, as R's
 * DescTools::BreslowDayTest(correct = FALSE); pass { tarone: true } for the corrected one.
 */
import { chiSquareSf } from './chi-square';
import { mantelHaenszelOddsRatio, splitStrata, type StrataUsage, type Table2x2 } from './cmh';

/** Result; df = informative strata − 1. NaN when < 2 strata or ψ_MH is 0, ∞ or undefined. */
export interface BreslowDayResult extends StrataUsage {
  statistic: number;
  df: number;
  pValue: number;
  tarone: boolean;
  /** The common odds ratio the strata were tested against (Mantel–Haenszel). */
  commonOddsRatio: number;
}

// The a-cell with the stratum's margins whose odds ratio equals psi (root of a quadratic).
function fittedA(r1: number, c1: number, n: number, psi: number): number {
  const lo = Math.max(0, r1 + c1 - n);
  const hi = Math.min(r1, c1);
  if (psi === 1) return (r1 * c1) / n;
  // (psi − 1) a² − [psi (r1 + c1) + n − r1 − c1] a + psi r1 c1 = 0
  const qa = psi - 1;
  const qb = -(psi * (r1 + c1) + n - r1 - c1);
  const qc = psi * r1 * c1;
  const q = -0.5 * (qb + Math.sign(qb) * Math.sqrt(Math.max(0, qb * qb - 4 * qa * qc)));
  const roots = [q / qa, qc / q];
  return roots.find((x) => x >= lo - 1e-9 && x <= hi + 1e-9) ?? Number.NaN;
}

/** Breslow–Day homogeneity test. Reference: UCB admissions, 18.8255 on 5 df (p 0.00207). */
export function breslowDay(strata: Table2x2[], options: { tarone?: boolean } = {}): BreslowDayResult {
  const tarone = options.tarone ?? false;
  const { used, usage } = splitStrata(strata);
  const psi = mantelHaenszelOddsRatio(strata).oddsRatio;
  const df = used.length - 1;
  const fail = {
    statistic: Number.NaN,
    df,
    pValue: Number.NaN,
    tarone,
    commonOddsRatio: psi,
    ...usage,
  };
  if (df < 1 || !(psi > 0 && Number.isFinite(psi))) return fail;
  let statistic = 0;
  let sumA = 0;
  let sumFitted = 0;
  let sumVar = 0;
  for (const { a, b, c, d } of used) {
    const n = a + b + c + d;
    const r1 = a + b;
    const c1 = a + c;
    const e = fittedA(r1, c1, n, psi);
    const variance = 1 / (1 / e + 1 / (r1 - e) + 1 / (c1 - e) + 1 / (n - r1 - c1 + e));
    statistic += (a - e) ** 2 / variance;
    sumA += a;
    sumFitted += e;
    sumVar += variance;
  }
  if (tarone) statistic -= (sumA - sumFitted) ** 2 / sumVar;
  if (!Number.isFinite(statistic)) return fail;
  return { ...fail, statistic, pValue: chiSquareSf(statistic, df) };
}
