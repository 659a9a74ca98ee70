// Reference: R 4.2.2 chisq.test(observed, p = weights); expected counts by hand.
import { describe, expect, it } from 'vitest';
import { sampleRatioMismatch } from '../../server/stats/srm';

describe('sampleRatioMismatch', () => {
  it('50000 vs 51000 at 50/50: 9.90099, p 0.0016519 (R chisq.test): not flagged at 0.001', () => {
    const r = sampleRatioMismatch([50000, 51000], [1, 1]);
    expect(r.statistic).toBeCloseTo(1000000 / 101000, 10);
    expect(r.pValue).toBeCloseTo(0.00165189873235737, 12);
    expect(r.mismatch).toBe(false);
    expect(r.expected).toEqual([50500, 50500]);
  });
  it('10200 / 9800 / 20500 at 25/25/50: 14.0741, df 2, p 0.00087873: flagged', () => {
    const r = sampleRatioMismatch([10200, 9800, 20500], [0.25, 0.25, 0.5]);
    expect(r.statistic).toBeCloseTo(14.0740740740741, 10);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(0.000878726342437285, 12);
    expect(r.mismatch).toBe(true);
  });
  it('no calls: NaN p, not flagged; a zero-weight arm with calls is an outright mismatch', () => {
    const none = sampleRatioMismatch([0, 0], [1, 1]);
    expect(none.pValue).toBeNaN();
    expect(none.mismatch).toBe(false);
    const leak = sampleRatioMismatch([100, 100, 3], [1, 1, 0]);
    expect(leak.statistic).toBe(Infinity);
    expect(leak.pValue).toBe(0);
    expect(leak.mismatch).toBe(true);
    expect(sampleRatioMismatch([100, 90, 0], [1, 1, 0]).df).toBe(1);
  });
});
