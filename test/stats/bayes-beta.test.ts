// Cross-checks: Evan Miller's closed form for P(Beta B > Beta A) with integer parameters
// ("Formulas for Bayesian A/B testing", 2015), the expected-loss identity built from it
// (E[max(X − Y, 0)] = m_X·h(a1 + 1, b1, a2, b2) − m_Y·h(a1, b1, a2 + 1, b2), Stucchio 2015),
// the symmetric case and the normal limit for huge n.
import { describe, expect, it } from 'vitest';
import {
  betaPosterior,
  compareArmToControl,
  expectedLoss,
  posteriorBulk,
  probabilityBest,
  probabilityLower,
} from '../../server/stats/bayes-beta';
import { logBeta } from '../../server/stats/beta-function';
import { normalCdf } from '../../server/stats/normal';

/** Evan Miller: P(p_B > p_A) for p_A ~ Beta(aA, bA), p_B ~ Beta(aB, bB), aB a positive integer. */
function millerProbGreater(aA: number, bA: number, aB: number, bB: number): number {
  let total = 0;
  for (let i = 0; i < aB; i++) {
    total += Math.exp(logBeta(aA + i, bA + bB) - Math.log(bB + i) - logBeta(1 + i, bB) - logBeta(aA, bA));
  }
  return total;
}

/** E[max(X − Y, 0)] for X ~ Beta(a1, b1), Y ~ Beta(a2, b2) via Miller's h. */
function closedFormLoss(a1: number, b1: number, a2: number, b2: number): number {
  const h = (a: number, b: number, c: number, d: number) => millerProbGreater(c, d, a, b);
  return (a1 / (a1 + b1)) * h(a1 + 1, b1, a2, b2) - (a2 / (a2 + b2)) * h(a1, b1, a2 + 1, b2);
}

describe('betaPosterior', () => {
  it('is Beta(1 + events, 1 + non-events); n = 0 gives the uniform prior', () => {
    expect(betaPosterior({ events: 3, n: 10 })).toEqual({ alpha: 4, beta: 8 });
    expect(betaPosterior({ events: 0, n: 0 })).toEqual({ alpha: 1, beta: 1 });
  });
});

describe('probabilityLower: P(rate_arm < rate_control)', () => {
  it.each([
    [10, 100, 15, 100],
    [40, 200, 52, 210],
    [0, 30, 2, 25],
    [30, 30, 27, 30],
    [120, 500, 110, 480],
    [3, 4, 0, 0],
    [0, 1_000_000, 1, 1_000_000],
    [0, 1_000_000, 0, 10],
  ])('arm %d/%d vs control %d/%d matches the closed-form sum to 1e-10', (x1, n1, x2, n2) => {
    // P(arm < control) = P(p_control > p_arm): B = control, A = arm.
    const exact = millerProbGreater(1 + x1, 1 + n1 - x1, 1 + x2, 1 + n2 - x2);
    expect(Math.abs(probabilityLower({ events: x1, n: n1 }, { events: x2, n: n2 }) - exact)).toBeLessThan(1e-10);
  });
  it('identical data gives exactly one half; both orders sum to 1', () => {
    const a = { events: 25, n: 100 };
    expect(probabilityLower(a, a)).toBeCloseTo(0.5, 12);
    const b = { events: 31, n: 90 };
    expect(probabilityLower(a, b) + probabilityLower(b, a)).toBeCloseTo(1, 12);
  });
  it('n = 1e6 per arm: matches the normal limit and stays finite', () => {
    const arm = { events: 249_000, n: 1_000_000 };
    const control = { events: 250_000, n: 1_000_000 };
    const p = probabilityLower(arm, control);
    const [a1, b1, a2, b2] = [249_001, 751_001, 250_001, 750_001];
    const v = (a: number, b: number) => (a * b) / ((a + b) ** 2 * (a + b + 1));
    const z = (a2 / (a2 + b2) - a1 / (a1 + b1)) / Math.sqrt(v(a1, b1) + v(a2, b2));
    expect(p).toBeGreaterThan(0.94);
    expect(Math.abs(p - normalCdf(z))).toBeLessThan(1e-3);
  });
  it('a narrow control (n = 1e6) against a wide arm (n = 50) matches the closed form', () => {
    const exact = millerProbGreater(1 + 10, 1 + 40, 1 + 250_000, 1 + 750_000);
    expect(Math.abs(probabilityLower({ events: 10, n: 50 }, { events: 250_000, n: 1_000_000 }) - exact)).toBeLessThan(
      1e-9,
    );
  });
});

describe('expectedLoss: E[max(rate_arm − rate_control, 0)]', () => {
  it.each([
    [10, 100, 15, 100],
    [15, 100, 10, 100],
    [0, 20, 0, 20],
    [60, 300, 70, 310],
  ])('arm %d/%d vs control %d/%d matches the closed form to 1e-10', (x1, n1, x2, n2) => {
    const exact = closedFormLoss(1 + x1, 1 + n1 - x1, 1 + x2, 1 + n2 - x2);
    expect(Math.abs(expectedLoss({ events: x1, n: n1 }, { events: x2, n: n2 }) - exact)).toBeLessThan(1e-10);
  });
  it('identical narrow posteriors: σ_diff·sqrt(2/π)/2 (half the mean absolute difference)', () => {
    const a = { events: 250_000, n: 1_000_000 };
    const sd = Math.sqrt((250_001 * 750_001) / (1_000_002 ** 2 * 1_000_003));
    expect(expectedLoss(a, a)).toBeCloseTo((Math.SQRT2 * sd * Math.sqrt(2 / Math.PI)) / 2, 9);
  });
  it('compareArmToControl: loss difference equals the difference of posterior means', () => {
    const c = compareArmToControl({ events: 12, n: 80 }, { events: 20, n: 90 });
    expect(c.expectedLossControl - c.expectedLossArm).toBeCloseTo(21 / 92 - 13 / 82, 12);
    expect(c.probabilityArmBetter).toBeGreaterThan(0.5);
  });
});

describe('probabilityBest (lowest rate) among k arms', () => {
  it('sums to 1 within 1e-6 over mixed widths, including n = 0, 0 events and n = 1e6', () => {
    const arms = [
      { events: 250_000, n: 1_000_000 },
      { events: 250_500, n: 1_000_000 },
      { events: 24, n: 100 },
      { events: 0, n: 0 },
      { events: 0, n: 50 },
      { events: 7, n: 7 },
    ];
    const p = probabilityBest(arms);
    expect(Math.abs(p.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-6);
    p.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
    expect(p[5]).toBeLessThan(1e-6);
    expect(p.indexOf(Math.max(...p))).toBe(4);
  });
  it('two arms agree with probabilityLower; identical arms split evenly', () => {
    const a = { events: 18, n: 120 };
    const b = { events: 25, n: 130 };
    expect(probabilityBest([a, b])[0]).toBeCloseTo(probabilityLower(a, b), 14);
    probabilityBest([a, a, a]).forEach((x) => expect(x).toBeCloseTo(1 / 3, 10));
  });
  it('no arms gives [], one arm gives [1]', () => {
    expect(probabilityBest([])).toEqual([]);
    expect(probabilityBest([{ events: 3, n: 9 }])[0]).toBeCloseTo(1, 12);
  });
  it('posteriorBulk brackets skewed and narrow posteriors', () => {
    expect(posteriorBulk({ alpha: 1, beta: 1 })).toEqual([0, 1]);
    const [lo, hi] = posteriorBulk({ alpha: 1, beta: 51 });
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1 - Math.exp(-40 / 50), 10); // (1 − x)^50 = e^-40
    const [l2, h2] = posteriorBulk({ alpha: 250_001, beta: 750_001 });
    expect(l2).toBeGreaterThan(0.245);
    expect(h2).toBeLessThan(0.255);
  });
});
