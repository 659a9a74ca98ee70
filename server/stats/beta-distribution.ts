/**
 * The Beta(a, b) distribution: density, log-density, CDF/survival and quantile.
 * Used for Bayesian posteriors of hang-up rates (Beta(1 + events, 1 + non-events)) and for
 * empirical-Bayes shrinkage intervals. All functions return NaN for a <= 0 or b <= 0.
 */
import { logPowerOverBeta, regularizedBeta } from './beta-function';
import { normalQuantile } from './normal';

/** log f(x; a, b); −Infinity outside the support [0, 1]. */
export function betaLogPdf(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || Number.isNaN(x)) return Number.NaN;
  if (x < 0 || x > 1) return -Infinity;
  if (x === 0) return a === 1 ? Math.log(b) : a < 1 ? Infinity : -Infinity;
  if (x === 1) return b === 1 ? Math.log(a) : b < 1 ? Infinity : -Infinity;
  return logPowerOverBeta(x, a, b) - Math.log(x) - Math.log1p(-x);
}

/** f(x; a, b), the Beta density. */
export function betaPdf(x: number, a: number, b: number): number {
  return Math.exp(betaLogPdf(x, a, b));
}

/** P(X <= x) for X ~ Beta(a, b). */
export function betaCdf(x: number, a: number, b: number): number {
  return regularizedBeta(x, a, b).lower;
}

/** P(X > x), computed directly (not 1 − cdf) where it is the small tail. */
export function betaSf(x: number, a: number, b: number): number {
  return regularizedBeta(x, a, b).upper;
}

/** Mean a / (a + b). */
export function betaMean(a: number, b: number): number {
  return a > 0 && b > 0 ? a / (a + b) : Number.NaN;
}

/**
 * Quantile: the x with P(X <= x) = p. Newton steps on the CDF, safeguarded by bisection so it
 * cannot leave [0, 1] even for very skewed or very narrow posteriors; ~1e-12 absolute accuracy.
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (!(a > 0 && b > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  let lo = 0;
  let hi = 1;
  // Start from the normal approximation (within (0, 1)), else the mean: with the large a and b of
  // agents with 10^5 calls, Newton then needs 2-3 incomplete-beta evaluations, not 10-20.
  const mean = a / (a + b);
  const guess = mean + normalQuantile(p) * Math.sqrt((mean * (1 - mean)) / (a + b + 1));
  let x = guess > 0 && guess < 1 ? guess : mean;
  for (let i = 0; i < 200; i++) {
    const f = betaCdf(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const pdf = betaPdf(x, a, b);
    let next = pdf > 0 && Number.isFinite(pdf) ? x - f / pdf : Number.NaN;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * Math.max(x, 1e-300) || hi - lo < 1e-300) return next;
    x = next;
  }
  return x;
}
