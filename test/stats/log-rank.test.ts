// Reference: Gehan 6-MP vs placebo, log-rank 16.79 on 1 df (R survival::survdiff: 16.7929,
// O = 9, 21; E = 19.2505, 10.7495); a third made-up group checked against survdiff too.
import { describe, expect, it } from 'vitest';
import { type SurvivalObservation } from '../../server/stats/kaplan-meier';
import { logRankTest } from '../../server/stats/log-rank';
import { placebo, sixMp } from './fixtures/gehan-6mp';

const third: SurvivalObservation[] = [3, 5, 7, 9, 12, 14, 18, 20, 24, 30].map((time, i) => ({
  time,
  event: [1, 1, 0, 1, 1, 0, 1, 1, 0, 0][i] === 1,
}));

describe('logRankTest', () => {
  it('6-MP vs placebo: 16.79 on 1 df', () => {
    const r = logRankTest([sixMp, placebo]);
    expect(r.statistic).toBeCloseTo(16.7929409892, 9);
    expect(r.df).toBe(1);
    expect(r.pValue).toBeCloseTo(4.17e-5, 6);
    expect(r.observed).toEqual([9, 21]);
    expect(r.expected[0]).toBeCloseTo(19.250500948, 8);
    expect(r.expected[1]).toBeCloseTo(10.749499052, 8);
  });
  it('three groups: 18.6871 on 2 df, p 8.7529e-5 (survdiff)', () => {
    const r = logRankTest([sixMp, placebo, third]);
    expect(r.statistic).toBeCloseTo(18.6870794566, 8);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(8.75290579998e-5, 12);
    expect(r.expected[2]).toBeCloseTo(7.64660687967, 8);
  });
  it('empty groups are reported and cost a df; one group or no events gives NaN', () => {
    const r = logRankTest([sixMp, [], placebo]);
    expect(r.emptyGroups).toEqual([1]);
    expect(r.df).toBe(1);
    expect(r.statistic).toBeCloseTo(16.7929409892, 9);
    expect(logRankTest([sixMp]).statistic).toBeNaN();
    expect(logRankTest([]).df).toBe(0);
    const noEvents = logRankTest([[{ time: 1, event: false }], [{ time: 2, event: false }]]);
    expect(noEvents.statistic).toBeNaN();
  });
});
