// References: Fleiss, Levin & Paik (2003) formula without continuity correction, as in
// R 4.2.2 power.prop.test (tol = 1e-12; its default uniroot tolerance is only ~1e-4):
// p1 = 0.10, p2 = 0.15, α 0.05, power 0.8 -> 685.597 -> 686 per group;
// p1 = 0.30, p2 = 0.25, α 0.01, power 0.9 -> 2370.79; p1 = 0.25, n = 1000 -> p2 = 0.30610.
import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../server/stats/normal';
import { minimumDetectableEffect, powerTwoProportions, sampleSizeTwoProportions } from '../../server/stats/sample-size';

describe('sampleSizeTwoProportions', () => {
  it('0.10 vs 0.15 at α 0.05, power 0.8: 686 per group (pooled-variance formula)', () => {
    const r = sampleSizeTwoProportions(0.1, 0.15);
    expect(r.exactN1).toBeCloseTo(685.596858325, 6);
    expect(r).toMatchObject({ n1: 686, n2: 686, total: 1372 });
  });
  it('the unpooled variant would give 683: we are not using it', () => {
    const unpooled = ((normalQuantile(0.975) + normalQuantile(0.8)) ** 2 * (0.09 + 0.1275)) / 0.0025;
    expect(Math.ceil(unpooled)).toBe(683);
    expect(sampleSizeTwoProportions(0.1, 0.15).n1).not.toBe(683);
  });
  it('0.30 vs 0.25 at α 0.01, power 0.9: 2370.79 (R power.prop.test)', () => {
    expect(sampleSizeTwoProportions(0.3, 0.25, { alpha: 0.01, power: 0.9 }).exactN1).toBeCloseTo(2370.7892417, 6);
  });
  it('unequal allocation 1:2: hand-derived formula, and power at that n is the target', () => {
    const r = sampleSizeTwoProportions(0.2, 0.25, { ratio: 2 });
    const pBar = (0.2 + 2 * 0.25) / 3;
    const hand =
      (normalQuantile(0.975) * Math.sqrt(pBar * (1 - pBar) * 1.5) +
        normalQuantile(0.8) * Math.sqrt(0.16 + 0.1875 / 2)) **
        2 /
      0.0025;
    expect(r.exactN1).toBeCloseTo(hand, 8);
    expect(r.n2).toBe(Math.ceil(2 * hand));
    expect(powerTwoProportions(0.2, 0.25, r.exactN1, { ratio: 2 })).toBeCloseTo(0.8, 10);
    expect(r.n1).toBeLessThan(sampleSizeTwoProportions(0.2, 0.25).n1);
  });
  it('no difference or an impossible rate gives NaN', () => {
    expect(sampleSizeTwoProportions(0.2, 0.2).n1).toBeNaN();
    expect(sampleSizeTwoProportions(0, 0.2).n1).toBeNaN();
    expect(sampleSizeTwoProportions(0.2, 0.3, { ratio: 0 }).total).toBeNaN();
  });
});

describe('powerTwoProportions and minimumDetectableEffect', () => {
  it('power 0.25 vs 0.20 with 1000 per arm: 0.76384 (R power.prop.test)', () => {
    expect(powerTwoProportions(0.25, 0.2, 1000)).toBeCloseTo(0.763844185836, 9);
  });
  it('MDE upward from 0.25 with 1000 per arm: p2 = 0.30610 (R power.prop.test)', () => {
    const r = minimumDetectableEffect(0.25, 1000, { direction: 'increase' });
    expect(r.targetRate).toBeCloseTo(0.306101993841, 10);
    expect(r.effect).toBeCloseTo(0.056101993841, 10);
  });
  it('MDE defaults to a decrease and is where the power reaches the target', () => {
    const r = minimumDetectableEffect(0.25, 1000);
    expect(r.targetRate).toBeLessThan(0.25);
    expect(powerTwoProportions(0.25, r.targetRate, 1000)).toBeCloseTo(0.8, 9);
    expect(sampleSizeTwoProportions(0.25, r.targetRate).exactN1).toBeCloseTo(1000, 5);
  });
  it('too few calls to reach the power anywhere: NaN', () => {
    expect(minimumDetectableEffect(0.5, 2).effect).toBeNaN();
    expect(minimumDetectableEffect(0.5, 0).effect).toBeNaN();
  });
});
