// Checks: the closed-form identities of the mixture boundary (p < α exactly when 0 leaves the
// confidence sequence), and by seeded simulation that the always-valid p-value controls type-I
// error under continuous monitoring where the naive repeated z-test does not, and that the
// confidence sequence covers the true difference uniformly over looks.
import { describe, expect, it } from 'vitest';
import { twoProportionZTest } from '../../server/stats/proportion-tests';
import {
  alwaysValidDifference,
  confidenceSequenceHalfWidth,
  mixtureLikelihoodRatio,
  type SequentialLook,
} from '../../server/stats/sequential';
import { mulberry32 } from '../../sample-data/prng.ts';

function simulatePath(
  rand: () => number,
  pArm: number,
  pControl: number,
  looks: number,
  batch: number,
): SequentialLook[] {
  const arm = { events: 0, n: 0 };
  const control = { events: 0, n: 0 };
  const path: SequentialLook[] = [];
  for (let look = 0; look < looks; look++) {
    for (let i = 0; i < batch; i++) {
      arm.events += rand() < pArm ? 1 : 0;
      control.events += rand() < pControl ? 1 : 0;
    }
    arm.n += batch;
    control.n += batch;
    path.push({ arm: { ...arm }, control: { ...control } });
  }
  return path;
}

describe('mixture boundary identities', () => {
  it('1/Λ = α exactly on the confidence-sequence boundary', () => {
    const v = 4e-4;
    const tau2 = 1e-3;
    const half = confidenceSequenceHalfWidth(v, tau2, 0.05);
    expect(1 / mixtureLikelihoodRatio(half, v, tau2)).toBeCloseTo(0.05, 12);
    expect(mixtureLikelihoodRatio(0, v, tau2)).toBeLessThan(1); // no effect: evidence against H1
  });
  it('exposes the method and tuning so the UI can state them', () => {
    const r = alwaysValidDifference([], { tau2: 0.002 });
    expect(r.method).toMatch(/mSPRT/);
    expect(r).toMatchObject({ tau2: 0.002, alpha: 0.05, minPerArm: 100, points: [] });
    expect(r.latest).toMatchObject({ pValue: 1, lower: -1, upper: 1, significant: false });
  });
  it('early looks, n = 0 and all-identical outcomes add no evidence (p stays 1)', () => {
    const r = alwaysValidDifference([
      { arm: { events: 0, n: 0 }, control: { events: 0, n: 0 } },
      { arm: { events: 5, n: 50 }, control: { events: 30, n: 50 } },
      { arm: { events: 0, n: 500 }, control: { events: 0, n: 500 } },
    ]);
    r.points.forEach((p) => expect(p.pValue).toBe(1));
    expect(r.points[0].difference).toBeNaN();
    expect(r.latest.difference).toBe(0);
  });
  it('p-value is non-increasing and the interval only shrinks', () => {
    const path = simulatePath(mulberry32(7), 0.22, 0.3, 40, 100);
    const pts = alwaysValidDifference(path).points;
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i].pValue).toBeLessThanOrEqual(pts[i - 1].pValue);
      expect(pts[i].lower).toBeGreaterThanOrEqual(pts[i - 1].lower);
      expect(pts[i].upper).toBeLessThanOrEqual(pts[i - 1].upper);
      expect(pts[i].significant).toBe(pts[i].pValue < 0.05);
    }
  });
});

describe('simulation (500 seeded paths, 60 looks of 50 calls per arm)', () => {
  it('under H0 the always-valid p rejects at 5% far less often than the repeated z-test', () => {
    const rand = mulberry32(2024);
    let alwaysValid = 0;
    let naive = 0;
    for (let path = 0; path < 500; path++) {
      const looks = simulatePath(rand, 0.25, 0.25, 60, 50);
      if (alwaysValidDifference(looks).latest.pValue < 0.05) alwaysValid++;
      if (looks.some((l) => twoProportionZTest(l.arm, l.control).pValue < 0.05)) naive++;
    }
    expect(alwaysValid / 500).toBeLessThanOrEqual(0.05);
    expect(naive / 500).toBeGreaterThan(0.2); // peeking inflates the nominal 5% several-fold
    expect(alwaysValid * 4).toBeLessThan(naive);
  });
  it('the confidence sequence contains the true difference at every look in >= 95% of paths', () => {
    const rand = mulberry32(99);
    const truth = 0.25 - 0.3;
    let everMissed = 0;
    let detected = 0;
    for (let path = 0; path < 500; path++) {
      const r = alwaysValidDifference(simulatePath(rand, 0.25, 0.3, 60, 50));
      if (r.points.some((p) => p.lower > truth || p.upper < truth)) everMissed++;
      if (r.latest.upper < 0) detected++;
    }
    expect(everMissed / 500).toBeLessThanOrEqual(0.05);
    expect(detected / 500).toBeGreaterThan(0.7); // and it does find a 5-point improvement
  });
});
