// References: R 4.2.2 prop.test (without continuity correction) and hand-derived values.
import { describe, expect, it } from 'vitest';
import { chiSquareIndependence, twoProportionZTest } from '../../server/stats/proportion-tests';

describe('twoProportionZTest', () => {
  it('56/70 vs 48/80: z² = 7.02341 and p = 0.0080451 (R prop.test, correct = FALSE)', () => {
    const t = twoProportionZTest({ events: 56, n: 70 }, { events: 48, n: 80 });
    expect(t.difference).toBeCloseTo(0.2, 14);
    expect(t.z * t.z).toBeCloseTo(7.02341137123746, 10);
    expect(t.z).toBeGreaterThan(0);
    expect(t.pValue).toBeCloseTo(0.00804508136819656, 12);
  });
  it('hand-derived: 10/100 vs 20/100 -> z = -0.1 / sqrt(0.15·0.85·0.02)', () => {
    const t = twoProportionZTest({ events: 10, n: 100 }, { events: 20, n: 100 });
    expect(t.z).toBeCloseTo(-0.1 / Math.sqrt(0.15 * 0.85 * 0.02), 12);
  });
  it('0 events everywhere or all events everywhere: z = 0, p = 1 (identical observed rates)', () => {
    expect(twoProportionZTest({ events: 0, n: 50 }, { events: 0, n: 70 })).toEqual({
      difference: 0,
      z: 0,
      pValue: 1,
    });
    expect(twoProportionZTest({ events: 50, n: 50 }, { events: 70, n: 70 }).pValue).toBe(1);
  });
  it('an arm with n = 0 gives NaN', () => {
    const t = twoProportionZTest({ events: 0, n: 0 }, { events: 3, n: 10 });
    expect(t.z).toBeNaN();
    expect(t.pValue).toBeNaN();
  });
});

describe('chiSquareIndependence (2 x k)', () => {
  it("Fleiss's smokers data: 12.6004, df 3, p 0.0055855 (R prop.test example)", () => {
    const t = chiSquareIndependence([
      { events: 83, n: 86 },
      { events: 90, n: 93 },
      { events: 129, n: 136 },
      { events: 70, n: 82 },
    ]);
    expect(t.statistic).toBeCloseTo(12.6004112971276, 10);
    expect(t.df).toBe(3);
    expect(t.pValue).toBeCloseTo(0.00558547666162702, 12);
    expect(t.droppedArms).toEqual([]);
  });
  it('with two arms equals the square of the pooled z', () => {
    const a = { events: 56, n: 70 };
    const b = { events: 48, n: 80 };
    const z = twoProportionZTest(a, b).z;
    expect(chiSquareIndependence([a, b]).statistic).toBeCloseTo(z * z, 10);
  });
  it('drops arms with n = 0 and reports them; one arm left gives NaN', () => {
    const t = chiSquareIndependence([
      { events: 5, n: 10 },
      { events: 0, n: 0 },
      { events: 9, n: 12 },
    ]);
    expect(t.droppedArms).toEqual([1]);
    expect(t.df).toBe(1);
    const one = chiSquareIndependence([
      { events: 5, n: 10 },
      { events: 0, n: 0 },
    ]);
    expect(one.statistic).toBeNaN();
    expect(one.pValue).toBeNaN();
    expect(chiSquareIndependence([]).df).toBeNaN();
  });
  it('0 events in every arm: statistic 0, p 1', () => {
    const t = chiSquareIndependence([
      { events: 0, n: 10 },
      { events: 0, n: 20 },
      { events: 0, n: 5 },
    ]);
    expect(t).toMatchObject({ statistic: 0, df: 2, pValue: 1 });
  });
});
