// Reference: Gehan 6-MP data; R 4.2.2 survival::survfit(conf.type = "log-log"):
// S(6) = 0.8571, Greenwood SE 0.0764, interval 0.6197–0.9516; medians 23 (6-MP) and 8 (placebo)
// with median intervals (13, NA) and (4, 11).
import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt } from '../../server/stats/kaplan-meier';
import { placebo, sixMp } from './fixtures/gehan-6mp';

describe('kaplanMeier on the 6-MP group', () => {
  const km = kaplanMeier(sixMp);
  it('S(6) = 0.8571 (18/21), Greenwood SE 0.0764, log-log CI 0.6197–0.9516', () => {
    const p = km.points[0];
    expect(p).toMatchObject({ t: 6, atRisk: 21, events: 3, censored: 1 });
    expect(p.survival).toBeCloseTo(18 / 21, 14);
    expect(p.standardError).toBeCloseTo(0.0763603548321, 10);
    expect(p.ciLow).toBeCloseTo(0.619717955266, 10);
    expect(p.ciHigh).toBeCloseTo(0.951551747647, 10);
  });
  it('has one point per event time, matching survfit through the curve', () => {
    expect(km.points.map((p) => p.t)).toEqual([6, 7, 10, 13, 16, 22, 23]);
    expect(km.points.map((p) => p.atRisk)).toEqual([21, 17, 15, 12, 11, 7, 6]);
    const last = km.points[6];
    expect(last.survival).toBeCloseTo(0.448179271709, 11);
    expect(last.standardError).toBeCloseTo(0.1345914567558, 10);
    expect(last.ciLow).toBeCloseTo(0.188052005959, 10);
    expect(last.ciHigh).toBeCloseTo(0.680142628495, 10);
    expect(km.events).toBe(9);
    expect(km.n).toBe(21);
  });
  it('median 23 with interval (13, not reached)', () => {
    expect(km.median).toBe(23);
    expect(km.medianCi).toEqual({ lower: 13, upper: null });
  });
  it('S(t) is a right-continuous step function', () => {
    expect(survivalAt(km.points, 0)).toBe(1);
    expect(survivalAt(km.points, 5.99)).toBe(1);
    expect(survivalAt(km.points, 6)).toBeCloseTo(18 / 21, 14);
    expect(survivalAt(km.points, 9)).toBeCloseTo(0.806722689076, 11);
    expect(survivalAt(km.points, 100)).toBeCloseTo(0.448179271709, 11);
  });
});

describe('kaplanMeier edge cases', () => {
  it('placebo (no censoring) falls to 0: median 8 (4, 11), NaN interval at S = 0', () => {
    const km = kaplanMeier(placebo);
    expect(km.median).toBe(8);
    expect(km.medianCi).toEqual({ lower: 4, upper: 11 });
    const last = km.points[km.points.length - 1];
    expect(last.survival).toBe(0);
    expect(last.ciLow).toBeNaN();
    expect(last.ciHigh).toBeNaN();
    expect(last.standardError).toBeNaN();
  });
  it('no observations, or no events: no points and median null', () => {
    expect(kaplanMeier([])).toMatchObject({ points: [], n: 0, events: 0, median: null });
    const censoredOnly = kaplanMeier([
      { time: 3, event: false },
      { time: 5, event: false },
    ]);
    expect(censoredOnly.points).toEqual([]);
    expect(censoredOnly.median).toBeNull();
  });
  it('events before censorings at a tied time (hand-derived)', () => {
    const km = kaplanMeier([
      { time: 2, event: false },
      { time: 2, event: true },
      { time: 4, event: true },
      { time: 5, event: false },
    ]);
    expect(km.points[0]).toMatchObject({ t: 2, atRisk: 4, events: 1, censored: 1 });
    expect(km.points[0].survival).toBeCloseTo(0.75, 14);
    expect(km.points[1]).toMatchObject({ t: 4, atRisk: 2, events: 1 });
    expect(km.points[1].survival).toBeCloseTo(0.375, 14);
  });
  it('rejects negative or NaN times', () => {
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(RangeError);
    expect(() => kaplanMeier([{ time: Number.NaN, event: true }])).toThrow(RangeError);
  });
});
