/**
 * Direct standardisation: each arm's hang-up rate re-weighted to one common stratum mix
 * (e.g. hour of day, lead source), so arms that happened to dial at different times are
 * compared as if they had dialled the same mix.
 *
 * Missing strata are reported, not silently dropped: if an arm has no calls in a stratum that
 * carries weight, its rate is computed over the strata it covers with the weights renormalised,
 * and `coverage` says which fraction of the total weight that is (1 = complete). Such a rate
 * answers a narrower question, so the UI should show coverage < 1 prominently.
 */
import { type ArmCounts, assertCounts } from './counts';

/** One arm's standardised rate. NaN rate and standard error when coverage is 0. */
export interface StandardisedRate {
  rate: number;
  /** sqrt(Σ w_s² r_s (1 − r_s) / n_s) with the renormalised weights (strata independent). */
  standardError: number;
  /** Share of the total stratum weight where the arm has calls, in [0, 1]. */
  coverage: number;
  /** Indices of strata with positive weight where the arm has no calls. */
  missingStrata: number[];
}

/** Normalised weights used (summing to 1, or all 0 when there is no weight) and per-arm results. */
export interface StandardisationResult {
  weights: number[];
  arms: StandardisedRate[];
}

/**
 * cells[arm][stratum] = counts. weights[stratum] >= 0 (any scale); default the pooled stratum
 * distribution Σ_arms n / N, i.e. the mix all arms dialled together.
 */
export function standardiseRates(cells: ArmCounts[][], weights?: number[]): StandardisationResult {
  const strata = cells[0]?.length ?? weights?.length ?? 0;
  cells.forEach((arm, i) => {
    if (arm.length !== strata) throw new RangeError(`arm ${i} has ${arm.length} strata, expected ${strata}`);
    arm.forEach((c) => assertCounts(c.events, c.n));
  });
  const raw = weights ?? Array.from({ length: strata }, (_, s) => cells.reduce((sum, arm) => sum + arm[s].n, 0));
  if (raw.length !== strata || raw.some((w) => !(w >= 0 && Number.isFinite(w)))) {
    throw new RangeError('weights must be finite, non-negative, one per stratum');
  }
  const totalWeight = raw.reduce((s, w) => s + w, 0);
  const normalised = raw.map((w) => (totalWeight > 0 ? w / totalWeight : 0));
  const arms = cells.map((arm) => {
    const covered = arm.flatMap((c, s) => (c.n > 0 && normalised[s] > 0 ? [s] : []));
    const missingStrata = arm.flatMap((c, s) => (c.n === 0 && normalised[s] > 0 ? [s] : []));
    const coverage = covered.reduce((sum, s) => sum + normalised[s], 0);
    if (coverage === 0) return { rate: Number.NaN, standardError: Number.NaN, coverage, missingStrata };
    let rate = 0;
    let variance = 0;
    for (const s of covered) {
      const w = normalised[s] / coverage;
      const r = arm[s].events / arm[s].n;
      rate += w * r;
      variance += (w * w * r * (1 - r)) / arm[s].n;
    }
    return { rate, standardError: Math.sqrt(variance), coverage, missingStrata };
  });
  return { weights: normalised, arms };
}
