/**
 * Cochran–Mantel–Haenszel test and Mantel–Haenszel common odds ratio for K stratified 2 x 2
 * tables: "does the arm change the hang-up rate once we compare like with like" (same hour,
 * same segment), immune to Simpson's paradox from unequal mixes across strata.
 * Strata where a row or column total is zero (or n < 2) carry no information; they are skipped
 * and counted in `strataSkipped`, with their indices, never a crash.
 */
import { chiSquareSf } from './chi-square';
import { type ArmCounts, assertCounts } from './counts';
import { Z_95 } from './normal';

/** One stratum: rows = arm 1, arm 2; columns = event, non-event (a b / c d). */
export interface Table2x2 {
  a: number;
  b: number;
  c: number;
  d: number;
}

/** Which strata took part. */
export interface StrataUsage {
  strataUsed: number;
  strataSkipped: number;
  skippedIndices: number[];
}

/** CMH chi-square, df 1. NaN statistic and p when no stratum is informative. */
export interface CmhResult extends StrataUsage {
  statistic: number;
  df: 1;
  pValue: number;
}

/** MH common odds ratio (arm 1 vs arm 2 odds of an event) and its RBG interval. */
export interface MhOddsRatio extends StrataUsage {
  oddsRatio: number;
  lower: number;
  upper: number;
  /** Robins–Breslow–Greenland standard error of log OR. */
  logSe: number;
}

/** Builds the table for arm 1 vs arm 2 from their counts. */
export function table2x2(arm1: ArmCounts, arm2: ArmCounts): Table2x2 {
  assertCounts(arm1.events, arm1.n);
  assertCounts(arm2.events, arm2.n);
  return { a: arm1.events, b: arm1.n - arm1.events, c: arm2.events, d: arm2.n - arm2.events };
}

/** True when the stratum has both rows, both columns and n >= 2. */
export function isInformative({ a, b, c, d }: Table2x2): boolean {
  return a + b > 0 && c + d > 0 && a + c > 0 && b + d > 0 && a + b + c + d >= 2;
}

export function splitStrata(strata: Table2x2[]): { used: Table2x2[]; usage: StrataUsage } {
  const skippedIndices = strata.flatMap((t, i) => (isInformative(t) ? [] : [i]));
  const used = strata.filter(isInformative);
  return {
    used,
    usage: { strataUsed: used.length, strataSkipped: skippedIndices.length, skippedIndices },
  };
}

/**
 * CMH statistic WITHOUT continuity correction (R: mantelhaen.test(x, correct = FALSE)):
 * (Σ a − Σ E[a])² / Σ Var(a), E[a] = r1 c1 / n, Var(a) = r1 r2 c1 c2 / (n² (n − 1)).
 * Reference: UCB admissions by department gives 1.5246 (p 0.2169).
 */
export function cochranMantelHaenszel(strata: Table2x2[]): CmhResult {
  const { used, usage } = splitStrata(strata);
  let observedMinusExpected = 0;
  let variance = 0;
  for (const { a, b, c, d } of used) {
    const n = a + b + c + d;
    observedMinusExpected += a - ((a + b) * (a + c)) / n;
    variance += ((a + b) * (c + d) * (a + c) * (b + d)) / (n * n * (n - 1));
  }
  const statistic = variance > 0 ? observedMinusExpected ** 2 / variance : Number.NaN;
  return { statistic, df: 1, pValue: chiSquareSf(statistic, 1), ...usage };
}

/**
 * ψ_MH = Σ(a d / n) / Σ(b c / n) with the Robins, Breslow & Greenland (1986) variance of log ψ,
 * valid both for many sparse strata and few large ones. When every informative stratum has a
 * zero on the same diagonal, ψ is 0 or Infinity and the interval is NaN (undefined); with no
 * informative stratum everything is NaN.
 */
export function mantelHaenszelOddsRatio(strata: Table2x2[], z: number = Z_95): MhOddsRatio {
  const { used, usage } = splitStrata(strata);
  let r = 0;
  let s = 0;
  let pr = 0;
  let prqs = 0;
  let qs = 0;
  for (const { a, b, c, d } of used) {
    const n = a + b + c + d;
    const ri = (a * d) / n;
    const si = (b * c) / n;
    const pi = (a + d) / n;
    const qi = (b + c) / n;
    r += ri;
    s += si;
    pr += pi * ri;
    prqs += pi * si + qi * ri;
    qs += qi * si;
  }
  const oddsRatio = r === 0 && s === 0 ? Number.NaN : r / s;
  if (!(r > 0 && s > 0)) return { oddsRatio, lower: Number.NaN, upper: Number.NaN, logSe: Number.NaN, ...usage };
  const logSe = Math.sqrt(pr / (2 * r * r) + prqs / (2 * r * s) + qs / (2 * s * s));
  const log = Math.log(oddsRatio);
  return {
    oddsRatio,
    lower: Math.exp(log - z * logSe),
    upper: Math.exp(log + z * logSe),
    logSe,
    ...usage,
  };
}
