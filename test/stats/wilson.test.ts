// Reference: Newcombe RG (1998) "Two-sided confidence intervals for the single proportion",
// Stat Med 17:857–872, Table I (Wilson score method), plus the closed forms at 0 and n events.
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../server/stats/wilson';

const Z2 = 1.959963984540054 ** 2;

describe('wilsonInterval', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [29, 29, 0.883, 1],
  ])('%d/%d -> %d to %d (Newcombe 1998a)', (x, n, lower, upper) => {
    const ci = wilsonInterval(x, n);
    expect(ci.estimate).toBeCloseTo(x / n, 15);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });
  it('0 and all events give exact 0 / 1 bounds and the closed form z²/(n + z²)', () => {
    const none = wilsonInterval(0, 20);
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo(Z2 / (20 + Z2), 14);
    const all = wilsonInterval(20, 20);
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(20 / (20 + Z2), 14);
  });
  it('n = 0 is NaN (rate undefined), not a crash', () => {
    const ci = wilsonInterval(0, 0);
    expect(ci.estimate).toBeNaN();
    expect(ci.lower).toBeNaN();
    expect(ci.upper).toBeNaN();
  });
  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
  });
  it('a wider z gives a wider interval', () => {
    const a = wilsonInterval(30, 100);
    const b = wilsonInterval(30, 100, 2.5758293035489);
    expect(b.lower).toBeLessThan(a.lower);
    expect(b.upper).toBeGreaterThan(a.upper);
  });
});
