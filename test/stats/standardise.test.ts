// Hand-derived direct standardisation on a two-stratum (morning/evening) example.
import { describe, expect, it } from 'vitest';
import { standardiseRates } from '../../server/stats/standardise';

// Arm A dials mostly mornings, arm B mostly evenings; same stratum-specific rates as each other.
const armA = [
  { events: 20, n: 200 },
  { events: 15, n: 50 },
]; // 10%, 30%
const armB = [
  { events: 5, n: 50 },
  { events: 60, n: 200 },
]; // 10%, 30%

describe('standardiseRates', () => {
  it('default weights = pooled stratum mix (250/500 each): both arms 20%', () => {
    const r = standardiseRates([armA, armB]);
    expect(r.weights).toEqual([0.5, 0.5]);
    r.arms.forEach((arm) => {
      expect(arm.rate).toBeCloseTo(0.2, 14);
      expect(arm.coverage).toBe(1);
      expect(arm.missingStrata).toEqual([]);
    });
    // Crude rates would differ: 35/250 = 14% vs 65/250 = 26%.
    expect(r.arms[0].standardError).toBeCloseTo(Math.sqrt((0.25 * 0.09) / 200 + (0.25 * 0.21) / 50), 14);
  });
  it('explicit weights (any scale) are normalised', () => {
    const r = standardiseRates([armA, armB], [3, 1]);
    expect(r.weights).toEqual([0.75, 0.25]);
    expect(r.arms[0].rate).toBeCloseTo(0.75 * 0.1 + 0.25 * 0.3, 14);
  });
  it('an arm missing a stratum: reported, rate over covered strata, coverage < 1', () => {
    const armC = [
      { events: 0, n: 0 },
      { events: 9, n: 30 },
    ];
    const r = standardiseRates([armA, armC], [1, 3]);
    expect(r.arms[1]).toMatchObject({ coverage: 0.75, missingStrata: [0] });
    expect(r.arms[1].rate).toBeCloseTo(0.3, 14);
    expect(r.arms[0].coverage).toBe(1);
  });
  it('a zero-weight stratum is ignored, even if an arm lacks it', () => {
    const r = standardiseRates(
      [
        [
          { events: 1, n: 10 },
          { events: 0, n: 0 },
        ],
      ],
      [1, 0],
    );
    expect(r.arms[0]).toMatchObject({ coverage: 1, missingStrata: [] });
    expect(r.arms[0].rate).toBeCloseTo(0.1, 14);
  });
  it('an arm with no calls at all, or no calls anywhere: NaN rate, coverage 0', () => {
    const r = standardiseRates([
      armA,
      [
        { events: 0, n: 0 },
        { events: 0, n: 0 },
      ],
    ]);
    expect(r.arms[1].rate).toBeNaN();
    expect(r.arms[1]).toMatchObject({ coverage: 0, missingStrata: [0, 1] });
    const none = standardiseRates([[{ events: 0, n: 0 }]]);
    expect(none.weights).toEqual([0]);
    expect(none.arms[0].rate).toBeNaN();
    expect(standardiseRates([]).arms).toEqual([]);
  });
  it('rejects mismatched shapes and negative weights', () => {
    expect(() => standardiseRates([armA, [armB[0]]])).toThrow(RangeError);
    expect(() => standardiseRates([armA], [1, -1])).toThrow(RangeError);
  });
});
