import { describe, expect, it } from 'vitest';
import { kaplanMeierFromCounts, logRankFromCounts, logRankTest, type SurvivalCount, type SurvivalObservation } from '../../server/stats/index.ts';
import { mulberry32 } from '../../sample-data/prng.ts';

/** One observation per subject, as the estimators took them before counts. */
const expand = (counts: SurvivalCount[]): SurvivalObservation[] =>
  counts.flatMap((c) => [...Array.from({ length: c.events }, () => ({ time: c.time, event: true })), ...Array.from({ length: c.n - c.events }, () => ({ time: c.time, event: false }))]);

function randomCounts(r: () => number, rows: number): SurvivalCount[] {
  return Array.from({ length: rows }, () => {
    const n = 1 + Math.floor(r() * 30);
    // Repeated times on purpose: rows of equal time are merged by the estimator.
    return { time: Math.floor(r() * 40), events: Math.floor(r() * (n + 1)), n };
  });
}

describe('survival from counts per time (issue 10: never one object per call)', () => {
  // Independent textbook forms over one observation per subject (the estimators share no code with them).
  function naiveKm(obs: SurvivalObservation[]) {
    const times = [...new Set(obs.filter((o) => o.event).map((o) => o.time))].sort((a, b) => a - b);
    let s = 1, gw = 0;
    return times.map((t) => {
      const atRisk = obs.filter((o) => o.time >= t).length;
      const d = obs.filter((o) => o.time === t && o.event).length;
      s *= 1 - d / atRisk;
      gw += d === atRisk ? Infinity : d / (atRisk * (atRisk - d));
      return { t, atRisk, events: d, survival: s, se: s === 0 ? NaN : s * Math.sqrt(gw) };
    });
  }
  function naiveLogRank2(a: SurvivalObservation[], b: SurvivalObservation[]) {
    const times = [...new Set([...a, ...b].filter((o) => o.event).map((o) => o.time))];
    let o1 = 0, e1 = 0, v = 0;
    for (const t of times) {
      const n1 = a.filter((o) => o.time >= t).length, n = n1 + b.filter((o) => o.time >= t).length;
      const d1 = a.filter((o) => o.time === t && o.event).length, d = d1 + b.filter((o) => o.time === t && o.event).length;
      o1 += d1;
      e1 += (d * n1) / n;
      if (n > 1) v += (d * (n1 / n) * (1 - n1 / n) * (n - d)) / (n - 1);
    }
    return ((o1 - e1) ** 2) / v;
  }

  it('Kaplan–Meier and Greenwood from counts equal the textbook estimate over one observation per subject', () => {
    const r = mulberry32(3);
    for (let i = 0; i < 20; i++) {
      const counts = randomCounts(r, 1 + Math.floor(r() * 25));
      const km = kaplanMeierFromCounts(counts);
      const ref = naiveKm(expand(counts));
      expect(km.points.map((p) => [p.t, p.atRisk, p.events])).toEqual(ref.map((p) => [p.t, p.atRisk, p.events]));
      km.points.forEach((p, k) => {
        expect(p.survival).toBeCloseTo(ref[k]!.survival, 12);
        if (Number.isNaN(ref[k]!.se)) expect(p.standardError).toBeNaN();
        else expect(p.standardError).toBeCloseTo(ref[k]!.se, 12);
      });
      expect(km.n).toBe(counts.reduce((s, c) => s + c.n, 0));
    }
  });

  it('two-group log-rank from counts equals the textbook (O − E)² / V', () => {
    const r = mulberry32(4);
    let compared = 0;
    for (let i = 0; i < 30; i++) {
      const groups = [randomCounts(r, 1 + Math.floor(r() * 15)), randomCounts(r, 1 + Math.floor(r() * 15))];
      const ref = naiveLogRank2(expand(groups[0]!), expand(groups[1]!));
      const got = logRankFromCounts(groups);
      if (!Number.isFinite(ref) || got.df === 0) continue;
      expect(got.statistic).toBeCloseTo(ref, 9);
      expect(got.df).toBe(1);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    // The observation form is the same estimator (it aggregates first).
    const g = [randomCounts(r, 10), randomCounts(r, 10)];
    expect(logRankTest(g.map(expand)).statistic).toBeCloseTo(logRankFromCounts(g).statistic, 12);
  });

  it('a million calls in three rows: the work follows distinct times, not calls', () => {
    const km = kaplanMeierFromCounts([{ time: 3, events: 200_000, n: 300_000 }, { time: 10, events: 100_000, n: 400_000 }, { time: 60, events: 0, n: 300_000 }]);
    expect(km.n).toBe(1_000_000);
    expect(km.points.map((p) => [p.t, p.atRisk, p.events])).toEqual([[3, 1_000_000, 200_000], [10, 700_000, 100_000]]);
    expect(km.points[1]!.survival).toBeCloseTo(0.8 * (1 - 1 / 7), 12);
    expect(() => kaplanMeierFromCounts([{ time: 1, events: 3, n: 2 }])).toThrow(RangeError);
  });
});
