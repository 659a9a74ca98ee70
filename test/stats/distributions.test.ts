// Reference values: R 4.2.2 (pchisq, pnorm, qnorm, lgamma, pbeta, dbeta, qbeta, lbeta), which
// implement the published algorithms (TOMS 708 for the beta, AS 241 for qnorm), plus closed forms.
import { describe, expect, it } from 'vitest';
import { betaCdf, betaLogPdf, betaPdf, betaQuantile, betaSf } from '../../server/stats/beta-distribution';
import { logBeta } from '../../server/stats/beta-function';
import { chiSquareCdf, chiSquareSf } from '../../server/stats/chi-square';
import { logGamma, regularizedGammaP } from '../../server/stats/gamma';
import { normalCdf, normalQuantile, normalSf, Z_95 } from '../../server/stats/normal';

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

describe('logGamma', () => {
  it.each([
    [0.1, 2.252712651734206],
    [0.5, 0.57236494292470008],
    [3.7, 1.4280723266653881],
    [10, 12.801827480081469],
    [50, 144.56574394634487],
    [171.5, 709.14316303092835],
    [1e5, 1051287.7089736569],
  ])('logGamma(%d) matches R lgamma', (x, expected) => {
    expect(rel(logGamma(x), expected)).toBeLessThan(1e-13);
  });
  it('is exactly 0 at 1 and NaN on the non-positive axis', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-2)).toBeNaN();
  });
  it('logBeta stays accurate for huge posteriors (R lbeta)', () => {
    expect(rel(logBeta(10, 1e6), -125.35332309941877)).toBeLessThan(1e-14);
    expect(rel(logBeta(250001, 750001), -562341.97042440972)).toBeLessThan(1e-15);
    expect(logBeta(1, 1e6)).toBeCloseTo(-Math.log(1e6), 13);
  });
});

describe('chi-square survival function', () => {
  it.each([
    [3.841458820694124, 1, 0.049999999999999975],
    [0.5, 3, 0.91889141165467592],
    [10, 5, 0.075235246146512197],
    [30, 10, 0.00085664121077530053],
    [100, 100, 0.48119168452795669],
    [124.34211340400407, 100, 0.050000000000000162],
    [150, 100, 0.00090393204235400938],
    [60, 80, 0.95374696235415801],
    [250, 100, 7.7669364035391761e-15],
    [40, 7, 1.2587903873713086e-6],
  ])('sf(%d; df %d) matches R pchisq to 1e-10 relative', (x, df, expected) => {
    expect(rel(chiSquareSf(x, df), expected)).toBeLessThan(1e-10);
    expect(Math.abs(chiSquareCdf(x, df) - (1 - expected))).toBeLessThan(1e-12);
  });
  it('matches closed forms: df 2 is exp(-x/2), df 4 is exp(-x/2)(1 + x/2)', () => {
    for (const x of [0.01, 1, 7.5, 42, 300]) {
      expect(rel(chiSquareSf(x, 2), Math.exp(-x / 2))).toBeLessThan(1e-12);
      expect(rel(chiSquareSf(x, 4), Math.exp(-x / 2) * (1 + x / 2))).toBeLessThan(1e-12);
    }
  });
  it('handles the edges without crashing', () => {
    expect(chiSquareSf(0, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
    expect(chiSquareSf(1, 0)).toBeNaN();
    expect(chiSquareSf(Number.NaN, 2)).toBeNaN();
    expect(regularizedGammaP(2, -1)).toBe(0);
  });
});

describe('normal distribution', () => {
  it.each([
    [-8, 6.2209605742717849e-16],
    [-5, 2.8665157187919391e-7],
    [-1.96, 0.024997895148220428],
    [-1, 0.15865525393145705],
    [-0.3, 0.38208857781104733],
    [0.5, 0.69146246127401301],
    [1.5, 0.93319279873114191],
    [3, 0.9986501019683699],
    [6, 0.9999999990134123],
  ])('Φ(%d) matches R pnorm', (x, expected) => {
    expect(rel(normalCdf(x), expected)).toBeLessThan(1e-13);
    expect(Math.abs(normalSf(-x) - expected)).toBeLessThan(1e-15 + 1e-13 * expected);
  });
  it.each([
    [1e-10, -6.3613409024040557],
    [0.001, -3.0902323061678132],
    [0.025, -1.9599639845400538],
    [0.3, -0.52440051270804067],
    [0.8, 0.84162123357291441],
    [0.999999, 4.7534243088170891],
  ])('Φ⁻¹(%d) matches R qnorm', (p, expected) => {
    expect(rel(normalQuantile(p), expected)).toBeLessThan(1e-12);
  });
  it('gives the default z and the edges', () => {
    expect(Math.abs(normalQuantile(0.975) - Z_95)).toBeLessThan(1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.2)).toBeNaN();
    expect(normalCdf(0)).toBe(0.5);
  });
});

describe('beta distribution', () => {
  it.each([
    [0.3, 5, 20, 0.88892477673907799, 0.11107522326092206],
    [0.5, 0.5, 0.5, 0.49999999999999956, 0.50000000000000044],
    [0.01, 2, 100, 0.26793531745354154, 0.73206468254645851],
    [0.9, 30, 4, 0.57694366412569287, 0.42305633587430719],
    [0.2, 200, 800, 0.50630885337986287, 0.49369114662013713],
    [0.0101, 10000, 990000, 0.84255662604274217, 0.15744337395725783],
  ])('I_%d(%d, %d) matches R pbeta', (x, a, b, lower, upper) => {
    expect(rel(betaCdf(x, a, b), lower)).toBeLessThan(1e-12);
    expect(rel(betaSf(x, a, b), upper)).toBeLessThan(1e-12);
  });
  it('is exact for Beta(2, 3) at 0.5 (hand-derived: 11/16)', () => {
    expect(betaCdf(0.5, 2, 3)).toBeCloseTo(11 / 16, 14);
  });
  it.each([
    [0.3, 5, 20, 1.9622194958843571],
    [0.25, 250001, 750001, 921.31832054295091],
    [0.001, 1, 1000, 368.06348825922316],
  ])('density at %d for Beta(%d, %d) matches R dbeta', (x, a, b, expected) => {
    expect(rel(betaPdf(x, a, b), expected)).toBeLessThan(1e-11);
    expect(Math.abs(betaLogPdf(x, a, b) - Math.log(expected))).toBeLessThan(1e-11);
  });
  it.each([
    [0.025, 5, 20, 0.071318617198054934],
    [0.975, 1, 101, 0.03586462039000371],
    [0.5, 250001, 750001, 0.25000033333294647],
    [0.001, 0.5, 0.5, 2.4673990709169446e-6],
  ])('quantile %d of Beta(%d, %d) matches R qbeta', (p, a, b, expected) => {
    expect(rel(betaQuantile(p, a, b), expected)).toBeLessThan(1e-9);
  });
  it('handles the support edges', () => {
    expect(betaPdf(0, 1, 5)).toBeCloseTo(5, 12);
    expect(betaPdf(-0.1, 2, 2)).toBe(0);
    expect(betaCdf(0, 2, 2)).toBe(0);
    expect(betaCdf(1, 2, 2)).toBe(1);
    expect(betaCdf(0.5, 0, 2)).toBeNaN();
    expect(betaQuantile(0, 3, 4)).toBe(0);
  });
});
