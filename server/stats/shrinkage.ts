/**
 * Empirical-Bayes beta-binomial shrinkage of per-unit hang-up rates (agents, lists, numbers):
 * a unit with 5 calls and 3 hang-ups is not really at 60%; its estimate is pulled towards the
 * team rate in proportion to how little data it has.
 *
 * Prior Beta(α, β) fitted by the method of moments with call-count weights (Kleinman 1973-style):
 * μ = Σk/Σn (the team rate) and S = Σ n_i (r_i − μ)² has expectation
 *   μ(1 − μ) [(K − 1) + ρ (N − Σn_i²/N − (K − 1))],   ρ = 1 / (α + β + 1),
 * so ρ̂ = (S / (μ(1 − μ)) − (K − 1)) / (N − Σn_i²/N − (K − 1)), α + β = 1/ρ̂ − 1.
 * Fallback: when ρ̂ <= 0 (the units vary no more than binomial noise), K < 2, or μ is 0 or 1,
 * there is no evidence units differ: every unit is shrunk fully to μ (method 'pooled').
 * ρ̂ is capped at 0.999 (α + β >= ~0.001) so a pathological spread cannot give an invalid prior.
 */
import { betaQuantile, betaSf } from './beta-distribution';
import { type ArmCounts, assertCounts } from './counts';

/** One unit's shrunk estimate. */
export interface ShrunkUnit {
  /** events / n; NaN when n = 0. */
  rawRate: number;
  /** Posterior mean (α + k) / (α + β + n); the team rate under the 'pooled' fallback. */
  shrunkRate: number;
  /** 95% equal-tailed credible interval of Beta(α + k, β + n − k); [μ, μ] under 'pooled'. */
  lower: number;
  upper: number;
  /** P(unit rate > team rate) under the posterior; NaN under 'pooled' (no between-unit spread). */
  probAboveTeam: number;
}

/** Fitted prior and per-unit results in input order. */
export interface ShrinkageResult {
  method: 'method-of-moments' | 'pooled';
  /** Σ events / Σ calls; NaN when there are no calls. */
  teamRate: number;
  /** Prior Beta(alpha, beta); null under 'pooled' (a point mass at the team rate). */
  prior: { alpha: number; beta: number } | null;
  /** Estimated intra-unit correlation ρ̂ (0 under 'pooled'). */
  rho: number;
  units: ShrunkUnit[];
}

/** Moment estimate of ρ; NaN when it cannot be estimated. */
export function momentRho(units: ArmCounts[]): number {
  const used = units.filter((u) => u.n > 0);
  const k = used.length;
  const total = used.reduce((s, u) => s + u.n, 0);
  const mu = used.reduce((s, u) => s + u.events, 0) / total;
  if (k < 2 || !(mu > 0 && mu < 1)) return Number.NaN;
  const spread = used.reduce((s, u) => s + u.n * (u.events / u.n - mu) ** 2, 0);
  const sumSquares = used.reduce((s, u) => s + u.n * u.n, 0);
  const denominator = total - sumSquares / total - (k - 1);
  if (!(denominator > 0)) return Number.NaN;
  return (spread / (mu * (1 - mu)) - (k - 1)) / denominator;
}

/** Shrinks every unit's rate towards the team rate; units with n = 0 get the prior. */
export function shrinkRates(units: ArmCounts[], credibility = 0.95): ShrinkageResult {
  units.forEach((u) => assertCounts(u.events, u.n));
  const calls = units.reduce((s, u) => s + u.n, 0);
  const teamRate = calls > 0 ? units.reduce((s, u) => s + u.events, 0) / calls : Number.NaN;
  const rawRate = (u: ArmCounts) => (u.n > 0 ? u.events / u.n : Number.NaN);
  const rhoHat = momentRho(units);
  if (!(rhoHat > 0)) {
    return {
      method: 'pooled',
      teamRate,
      prior: null,
      rho: 0,
      units: units.map((u) => ({
        rawRate: rawRate(u),
        shrunkRate: teamRate,
        lower: teamRate,
        upper: teamRate,
        probAboveTeam: Number.NaN,
      })),
    };
  }
  const rho = Math.min(rhoHat, 0.999);
  const concentration = 1 / rho - 1;
  const alpha = teamRate * concentration;
  const beta = (1 - teamRate) * concentration;
  const tail = (1 - credibility) / 2;
  return {
    method: 'method-of-moments',
    teamRate,
    prior: { alpha, beta },
    rho,
    units: units.map((u) => {
      const a = alpha + u.events;
      const b = beta + u.n - u.events;
      return {
        rawRate: rawRate(u),
        shrunkRate: a / (a + b),
        lower: betaQuantile(tail, a, b),
        upper: betaQuantile(1 - tail, a, b),
        probAboveTeam: betaSf(teamRate, a, b),
      };
    }),
  };
}
