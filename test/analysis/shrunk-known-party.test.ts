// The shrunk (partial-pooled) hang-up rate of /agents and /numbers is fitted on the hang-up rate's
// own denominator, the known-party calls (README, Metrics), with reference values derived by hand.
import { describe, expect, it } from 'vitest';
import { metricCounts, withShrunkRates } from '../../server/analysis/recommendations.ts';

// Three agents; each rate is early hang-ups / known party:
//   a99: 40 answered, 3 say who hung up, all 3 early callee hang-ups -> 3/3 (the reviewer's agent)
//   b:   60 answered, 48 known, 10 early -> 10/48 = 5/24
//   c:   50 answered, 48 known, 20 early -> 20/48 = 5/12
// Method of moments (server/stats/shrinkage.ts) on (k, n) = (3, 3), (10, 48), (20, 48):
//   N = 99, μ = 33/99 = 1/3, μ(1 − μ) = 2/9
//   S = Σ n (r − μ)² = 3·(2/3)² + 48·(1/8)² + 48·(1/12)² = 4/3 + 3/4 + 1/3 = 29/12
//   ρ = (S / (μ(1 − μ)) − (K − 1)) / (N − Σn²/N − (K − 1))
//     = (87/8 − 2) / (99 − 4617/99 − 2) = (71/8) / (554/11) = 781/4432 ≈ 0.176218
//   α + β = 1/ρ − 1 = 3651/781 ≈ 4.674776; α = μ(α + β) = 1217/781 ≈ 1.558259
//   a99: (α + 3) / (α + β + 3) = (1217 + 2343) / (3651 + 2343) = 1780/2997 ≈ 0.593927
//   b:   (α + 10) / (α + β + 48) = 1003/4571 ≈ 0.219427
//   c:   (α + 20) / (α + β + 48) = 16837/41139 ≈ 0.409271
// Fitted on answered calls instead ((3, 40), (10, 60), (20, 50): μ = 33/150 = 11/50, ρ ≈ 0.1380),
// a99 would read ≈ 0.0946, at the bottom, its 3 calls that say who hung up taken for 40.
const rows = [
  { key: 'a99', answered: 40, knownParty: 3, earlyHangups: 3 },
  { key: 'b', answered: 60, knownParty: 48, earlyHangups: 10 },
  { key: 'c', answered: 50, knownParty: 48, earlyHangups: 20 },
];

describe('shrunk hang-up rate over known-party calls', () => {
  it('matches the hand-derived posterior means', () => {
    const out = withShrunkRates(rows);
    expect(out.map((r) => r.key)).toEqual(['a99', 'b', 'c']);
    expect(out[0]!.shrunkRate).toBeCloseTo(1780 / 2997, 12);
    expect(out[1]!.shrunkRate).toBeCloseTo(1003 / 4571, 12);
    expect(out[2]!.shrunkRate).toBeCloseTo(16837 / 41139, 12);
    // Each interval holds its mean; a99's rests on 3 calls, so it is the widest.
    for (const r of out) expect(r.shrunkCiLow!).toBeLessThan(r.shrunkRate!);
    const width = (r: (typeof out)[number]) => r.shrunkCiHigh! - r.shrunkCiLow!;
    expect(width(out[0]!)).toBeGreaterThan(width(out[1]!));
  });

  it('leaves calls without an agent out of the fit, as /insights does: no shrunk rate for "(none)"', () => {
    // 500 known-party calls with no agent, all early hang-ups: in the fit they would move μ to
    // 533/599 and every shrunk rate with it; the agents' values must stay the hand-derived ones.
    const out = withShrunkRates([...rows, { key: null, answered: 500, knownParty: 500, earlyHangups: 500 }]);
    expect(out[0]!.shrunkRate).toBeCloseTo(1780 / 2997, 12);
    expect(out[2]!.shrunkRate).toBeCloseTo(16837 / 41139, 12);
    expect(out[3]).toMatchObject({ key: null, shrunkRate: null, shrunkCiLow: null, shrunkCiHigh: null });
  });

  it('ranks and tests on the same counts: early hang-ups over known party', () => {
    expect(metricCounts(rows[0]!, 'hangup')).toEqual({ events: 3, n: 3 });
    expect(metricCounts({ ...rows[0]!, shortCalls: 3 }, 'short')).toEqual({ events: 3, n: 40 });
  });
});
