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
  // Distinct times in order, and each time's rows found by a counting sort (no comparator over
  // every row: 41 agents x 265 seconds of talk is 11 k rows, the times only 265).
  const times = [...new Set(groups.flatMap((g) => g.map((c) => c.time)))].sort((p, q) => p - q);
  const slot = new Map(times.map((t, i) => [t, i]));
  const start = new Uint32Array(times.length + 1);
  for (const g of groups) for (const c of g) start[slot.get(c.time)! + 1]++;
  for (let i = 0; i < times.length; i++) start[i + 1] += start[i];
  const rows = groups.flatMap((g, group) => g.map((c) => ({ group, n: c.n, events: c.events })));
  const order = new Uint32Array(rows.length);
  const next = start.slice(0, times.length);
  let r = 0;
  for (const g of groups) for (const c of g) order[next[slot.get(c.time)!]++] = r++;
  const atRisk = groups.map((g) => g.reduce((s, c) => s + c.n, 0));
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  // Typed rows and per-time buffers; the arithmetic is unchanged, term for term.
  const v = observed.map(() => new Float64Array(k));
  const events = new Float64Array(k);
  const leaving = new Float64Array(k);
  const share = new Float64Array(k);
  for (let ti = 0; ti < times.length; ti++) {
    events.fill(0);
    leaving.fill(0);
    for (let j = start[ti]; j < start[ti + 1]; j++) {
      const row = rows[order[j]];
      leaving[row.group] += row.n;
      events[row.group] += row.events;
    }
    let d = 0;
    let n = 0;
    for (let g = 0; g < k; g++) {
      d += events[g];
      n += atRisk[g];
    }
    if (d > 0) {
      // Variance factor d(n − d)/(n − 1); a single subject at risk contributes no variance.
      const factor = n > 1 ? (d * (n - d)) / (n - 1) : 0;
      for (let g = 0; g < k; g++) share[g] = atRisk[g] / n;
      for (let g = 0; g < k; g++) {
        observed[g] += events[g];
        expected[g] += (d * atRisk[g]) / n;
        const vg = v[g];
        const rowFactor = factor * share[g];
        for (let h = 0; h < k; h++) vg[h] += rowFactor * ((g === h ? 1 : 0) - share[h]);
      }
    }
    for (let g = 0; g < k; g++) atRisk[g] -= leaving[g];
  }
  const emptyGroups = groups.flatMap((g, i) => (g.reduce((s, c) => s + c.n, 0) === 0 ? [i] : []));
  const diff = observed.map((o, g) => o - expected[g]);
  const { value, rank } = pseudoInverseQuadraticForm(
    diff,
    v.map((row) => Array.from(row)),
  );
  if (rank === 0) return { statistic: Number.NaN, df: 0, pValue: Number.NaN, observed, expected, emptyGroups };
  return {
    statistic: value,
    df: rank,
    pValue: chiSquareSf(value, rank),
    observed,
    expected,
    emptyGroups,
  };
}
