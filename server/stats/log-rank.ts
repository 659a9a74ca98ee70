/**
 * k-group log-rank test (Mantel 1966; Peto & Peto 1972): are the survival curves equal?
 * At each distinct event time the events are split among the groups at risk as a multivariate
 * hypergeometric; the statistic is (O − E)ᵀ V⁺ (O − E) with df = rank(V), i.e. k − 1 for k
 * non-empty groups. Matches R survival::survdiff (rho = 0).
 */
import { chiSquareSf } from './chi-square';
import { toSurvivalCounts, type SurvivalCount, type SurvivalObservation } from './kaplan-meier';
import { pseudoInverseQuadraticForm } from './linear-algebra';

/** Result. Empty groups take no part (listed); fewer than 2 non-empty groups or no events: NaN. */
export interface LogRankResult {
  statistic: number;
  df: number;
  pValue: number;
  observed: number[];
  expected: number[];
  emptyGroups: number[];
}

/** Log-rank test across groups of {time, event} observations. */
export function logRankTest(groups: SurvivalObservation[][]): LogRankResult {
  return logRankFromCounts(groups.map(toSurvivalCounts));
}

/** Log-rank test across groups given as counts per time (see SurvivalCount). */
export function logRankFromCounts(groups: SurvivalCount[][]): LogRankResult {
  const k = groups.length;
  const all = groups
    .flatMap((g, group) => g.map((c) => ({ ...c, group })))
    .sort((p, q) => p.time - q.time);
  const atRisk = groups.map((g) => g.reduce((s, c) => s + c.n, 0));
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const v = observed.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < all.length; ) {
    const t = all[i].time;
    const events = new Array<number>(k).fill(0);
    const leaving = new Array<number>(k).fill(0);
    for (; i < all.length && all[i].time === t; i++) {
      leaving[all[i].group] += all[i].n;
      events[all[i].group] += all[i].events;
    }
    const d = events.reduce((s, x) => s + x, 0);
    const n = atRisk.reduce((s, x) => s + x, 0);
    if (d > 0) {
      // Variance factor d(n − d)/(n − 1); a single subject at risk contributes no variance.
      const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let g = 0; g < k; g++) {
        observed[g] += events[g];
        expected[g] += (d * atRisk[g]) / n;
        for (let h = 0; h < k; h++) {
          v[g][h] += factor * (atRisk[g] / n) * ((g === h ? 1 : 0) - atRisk[h] / n);
        }
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= leaving[g];
  }
  const emptyGroups = groups.flatMap((g, i) => (g.reduce((s, c) => s + c.n, 0) === 0 ? [i] : []));
  const diff = observed.map((o, g) => o - expected[g]);
  const { value, rank } = pseudoInverseQuadraticForm(diff, v);
  if (rank === 0)
    return { statistic: Number.NaN, df: 0, pValue: Number.NaN, observed, expected, emptyGroups };
  return {
    statistic: value,
    df: rank,
    pValue: chiSquareSf(value, rank),
    observed,
    expected,
    emptyGroups,
  };
}
