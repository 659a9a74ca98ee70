// Checks: the moment estimator by hand on a three-unit example; behaviour at the extremes
// (5 calls vs 5000 calls); the fallback when units vary no more than binomial noise.
import { describe, expect, it } from 'vitest';
import { betaQuantile } from '../../server/stats/beta-distribution';
import { momentRho, shrinkRates } from '../../server/stats/shrinkage';

describe('method-of-moments fit (hand-derived)', () => {
  // k = 1, 4, 10 of n = 10, 10, 20: μ = 15/40 = 0.375, rates 0.1, 0.4, 0.5.
  // S = 10·0.275² + 10·0.025² + 20·0.125² = 1.075; μ(1 − μ) = 0.234375;
  // N − Σn²/N − (K − 1) = 40 − 600/40 − 2 = 23; ρ = (1.075/0.234375 − 2)/23 = 0.1124638.
  const units = [
    { events: 1, n: 10 },
    { events: 4, n: 10 },
    { events: 10, n: 20 },
  ];
  const rho = (1.075 / 0.234375 - 2) / 23;
  it('ρ, α and β', () => {
    expect(momentRho(units)).toBeCloseTo(rho, 14);
    const r = shrinkRates(units);
    expect(r.method).toBe('method-of-moments');
    expect(r.teamRate).toBe(0.375);
    expect(r.prior!.alpha).toBeCloseTo(0.375 * (1 / rho - 1), 12);
    expect(r.prior!.beta).toBeCloseTo(0.625 * (1 / rho - 1), 12);
  });
  it('posterior mean, credible interval and P(above team) for the first unit', () => {
    const r = shrinkRates(units);
    const a = 0.375 * (1 / rho - 1) + 1;
    const b = 0.625 * (1 / rho - 1) + 9;
    const u = r.units[0];
    expect(u.rawRate).toBe(0.1);
    expect(u.shrunkRate).toBeCloseTo(a / (a + b), 12);
    expect(u.lower).toBeCloseTo(betaQuantile(0.025, a, b), 12);
    expect(u.upper).toBeCloseTo(betaQuantile(0.975, a, b), 12);
    expect(u.probAboveTeam).toBeLessThan(0.1);
    expect(r.units[2].probAboveTeam).toBeGreaterThan(0.5);
  });
});

describe('shrinkage strength follows the data', () => {
  // 20 units of 1000 calls with rates 0.225 … 0.282, plus a tiny unit and a huge one.
  // The fit gives α + β ≈ 337, so a unit moves n / (n + 337) of the way from μ to its raw rate.
  const base = Array.from({ length: 20 }, (_, i) => ({ events: 225 + 3 * i, n: 1000 }));
  const r = shrinkRates([...base, { events: 5, n: 5 }, { events: 1500, n: 5000 }]);
  it('a unit with 5 calls barely moves from the pooled mean', () => {
    const tiny = r.units[20];
    expect(tiny.rawRate).toBe(1);
    // Raw 100% against a team rate of ~26%: it moves ~1.5% of that gap.
    expect(Math.abs(tiny.shrunkRate - r.teamRate)).toBeLessThan(0.02);
    expect(Math.abs(tiny.shrunkRate - r.teamRate)).toBeLessThan(0.03 * (1 - r.teamRate));
  });
  it('a unit with 5000 calls keeps nearly its raw rate', () => {
    const huge = r.units[21];
    expect(Math.abs(huge.shrunkRate - 0.3)).toBeLessThan(0.003);
    expect(Math.abs(huge.shrunkRate - 0.3)).toBeLessThan(0.1 * (0.3 - r.teamRate));
    expect(huge.probAboveTeam).toBeGreaterThan(0.999999);
    expect(huge.lower).toBeGreaterThan(r.teamRate);
  });
});

describe('fallbacks and edge cases', () => {
  it('no excess variance: shrink fully to the pooled rate, P(above) NaN', () => {
    const r = shrinkRates([
      { events: 25, n: 100 },
      { events: 25, n: 100 },
      { events: 50, n: 200 },
    ]);
    expect(r.method).toBe('pooled');
    expect(r.prior).toBeNull();
    r.units.forEach((u) => {
      expect(u.shrunkRate).toBe(0.25);
      expect([u.lower, u.upper]).toEqual([0.25, 0.25]);
      expect(u.probAboveTeam).toBeNaN();
    });
  });
  it('0 events everywhere, one unit, no units: pooled without crashing', () => {
    expect(
      shrinkRates([
        { events: 0, n: 10 },
        { events: 0, n: 30 },
      ]).units[0].shrunkRate,
    ).toBe(0);
    expect(shrinkRates([{ events: 3, n: 10 }]).method).toBe('pooled');
    const empty = shrinkRates([]);
    expect(empty.teamRate).toBeNaN();
    expect(empty.units).toEqual([]);
  });
  it('a unit with n = 0 gets the prior (raw rate NaN)', () => {
    const r = shrinkRates([
      { events: 1, n: 10 },
      { events: 4, n: 10 },
      { events: 10, n: 20 },
      { events: 0, n: 0 },
    ]);
    expect(r.units[3].rawRate).toBeNaN();
    expect(r.units[3].shrunkRate).toBeCloseTo(0.375, 12);
  });
});
