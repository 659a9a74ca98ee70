// References: R 4.2.2 mantelhaen.test on UCBAdmissions (Male vs Female, Admitted vs Rejected,
// stratified by department), correct = FALSE: X² = 1.5246, MH OR 0.9047 (0.7719–1.0603).
import { describe, expect, it } from 'vitest';
import { cochranMantelHaenszel, mantelHaenszelOddsRatio, table2x2 } from '../../server/stats/cmh';

import { ucb, uninformative } from './fixtures/ucb-admissions';

describe('cochranMantelHaenszel (no continuity correction)', () => {
  it('UCB admissions: 1.5246, df 1, p 0.2169', () => {
    const r = cochranMantelHaenszel(ucb);
    expect(r.statistic).toBeCloseTo(1.52460666044344, 10);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(0.216923697055518, 10);
    expect(r).toMatchObject({ strataUsed: 6, strataSkipped: 0, skippedIndices: [] });
  });
  it('uninformative strata change nothing and are reported', () => {
    const r = cochranMantelHaenszel([uninformative[0], ...ucb, ...uninformative.slice(1)]);
    expect(r.statistic).toBeCloseTo(1.52460666044344, 10);
    expect(r).toMatchObject({ strataUsed: 6, strataSkipped: 4, skippedIndices: [0, 7, 8, 9] });
  });
  it('no informative stratum: NaN, not a crash', () => {
    const r = cochranMantelHaenszel(uninformative);
    expect(r.statistic).toBeNaN();
    expect(r.pValue).toBeNaN();
    expect(cochranMantelHaenszel([]).strataUsed).toBe(0);
  });
  it('hand-derived two-stratum example (R: 0.80894)', () => {
    const t = [table2x2({ events: 10, n: 25 }, { events: 20, n: 45 }), { a: 5, b: 8, c: 12, d: 9 }];
    const e = (25 * 30) / 70 + (13 * 17) / 34;
    const v = (25 * 45 * 30 * 40) / (70 * 70 * 69) + (13 * 21 * 17 * 17) / (34 * 34 * 33);
    expect(cochranMantelHaenszel(t).statistic).toBeCloseTo((15 - e) ** 2 / v, 12);
    expect(cochranMantelHaenszel(t).statistic).toBeCloseTo(0.808941398802889, 12);
  });
});

describe('mantelHaenszelOddsRatio with the Robins–Breslow–Greenland interval', () => {
  it('UCB admissions: 0.9047 (0.7719 to 1.0603)', () => {
    const r = mantelHaenszelOddsRatio(ucb);
    expect(r.oddsRatio).toBeCloseTo(0.904696828258623, 12);
    expect(r.lower).toBeCloseTo(0.77190736175935, 10);
    expect(r.upper).toBeCloseTo(1.06032976443666, 10);
  });
  it('hand-derived: Σ(ad/n) / Σ(bc/n) and R interval 0.30644–1.54706', () => {
    const r = mantelHaenszelOddsRatio([
      { a: 10, b: 15, c: 20, d: 25 },
      { a: 5, b: 8, c: 12, d: 9 },
    ]);
    expect(r.oddsRatio).toBeCloseTo((250 / 70 + 45 / 34) / (300 / 70 + 96 / 34), 14);
    expect(r.lower).toBeCloseTo(0.306439220650654, 10);
    expect(r.upper).toBeCloseTo(1.547058670545197, 10);
  });
  it('skips empty strata; a zero diagonal everywhere gives OR 0 or Infinity with NaN interval', () => {
    expect(mantelHaenszelOddsRatio([...ucb, ...uninformative]).oddsRatio).toBeCloseTo(0.904696828258623, 12);
    const zero = mantelHaenszelOddsRatio([{ a: 0, b: 5, c: 3, d: 4 }]);
    expect(zero.oddsRatio).toBe(0);
    expect(zero.lower).toBeNaN();
    expect(mantelHaenszelOddsRatio([{ a: 4, b: 0, c: 3, d: 4 }]).oddsRatio).toBe(Infinity);
    expect(mantelHaenszelOddsRatio(uninformative).oddsRatio).toBeNaN();
  });
});
