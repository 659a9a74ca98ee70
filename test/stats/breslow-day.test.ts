// Reference: UCB admissions, Breslow–Day 18.8255 on 5 df (18.83 in the literature; R
// DescTools::BreslowDayTest), and with Tarone's correction 18.8255013 (computed in R by hand).
import { describe, expect, it } from 'vitest';
import { breslowDay } from '../../server/stats/breslow-day';
import { ucb, uninformative } from './fixtures/ucb-admissions';

describe('breslowDay', () => {
  it('UCB admissions: 18.8255 on 5 df, p 0.00207 (without Tarone by default)', () => {
    const r = breslowDay(ucb);
    expect(r.tarone).toBe(false);
    expect(r.statistic).toBeCloseTo(18.825513705236, 8);
    expect(r.df).toBe(5);
    expect(r.pValue).toBeCloseTo(0.0020709, 6);
  });
  it("with Tarone's correction: 18.8255013 (R, by hand)", () => {
    const r = breslowDay(ucb, { tarone: true });
    expect(r.tarone).toBe(true);
    expect(r.statistic).toBeCloseTo(18.8255012520527, 8);
  });
  it('identical odds ratios in every stratum give 0; < 2 strata give NaN', () => {
    const r = breslowDay([
      { a: 10, b: 20, c: 5, d: 10 },
      { a: 30, b: 60, c: 15, d: 30 },
    ]);
    expect(r.statistic).toBeCloseTo(0, 12);
    expect(breslowDay([ucb[0], ...uninformative]).statistic).toBeNaN();
    expect(breslowDay([ucb[0], ...uninformative]).strataSkipped).toBe(4);
  });
});
