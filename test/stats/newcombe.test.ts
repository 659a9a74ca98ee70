// Reference: Newcombe RG (1998) "Interval estimation for the difference between independent
// proportions", Stat Med 17:873–890, method 10 (hybrid score), plus hand-derived closed forms.
import { describe, expect, it } from 'vitest';
import { newcombeInterval } from '../../server/stats/newcombe';

const Z2 = 1.959963984540054 ** 2;

describe('newcombeInterval (hybrid score, method 10)', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
  ])('%d/%d - %d/%d -> %d to %d (Newcombe 1998b)', (x1, n1, x2, n2, lower, upper) => {
    const ci = newcombeInterval(x1, n1, x2, n2);
    expect(ci.difference).toBeCloseTo(x1 / n1 - x2 / n2, 15);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });
  // Hand-derived from the Wilson closed forms at 0 and n events (u0 = z²/(n + z²)).
  it('0/10 - 0/20 and 0/10 - 0/10: bounds are the Wilson upper limits', () => {
    const u10 = Z2 / (10 + Z2);
    const u20 = Z2 / (20 + Z2);
    const a = newcombeInterval(0, 10, 0, 20);
    expect(a.lower).toBeCloseTo(-u20, 14);
    expect(a.upper).toBeCloseTo(u10, 14);
    const b = newcombeInterval(0, 10, 0, 10);
    expect(b.lower).toBeCloseTo(-u10, 14);
    expect(b.upper).toBeCloseTo(u10, 14);
    expect(u10).toBeCloseTo(0.2775, 4);
  });
  it('10/10 - 0/10 -> 0.6075 to 1 (all events in one arm, none in the other)', () => {
    const ci = newcombeInterval(10, 10, 0, 10);
    expect(ci.lower).toBeCloseTo(1 - Math.SQRT2 * (Z2 / (10 + Z2)), 14);
    expect(ci.lower).toBeCloseTo(0.6075, 4);
    expect(ci.upper).toBeCloseTo(1, 14);
  });
  it('an arm with n = 0 gives NaN', () => {
    const ci = newcombeInterval(3, 10, 0, 0);
    expect(ci.difference).toBeNaN();
    expect(ci.lower).toBeNaN();
  });
});
