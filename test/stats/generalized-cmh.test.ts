// Reference: R 4.2.2 mantelhaen.test on 2 x k x K arrays (general association statistic).
import { describe, expect, it } from 'vitest';
import { generalizedCmh } from '../../server/stats/generalized-cmh';
import { ucb } from './fixtures/ucb-admissions';

describe('generalizedCmh (2 x k across strata)', () => {
  const events = [
    [30, 45, 25],
    [50, 60, 40],
    [10, 18, 9],
  ];
  const calls = [
    [200, 210, 190],
    [300, 280, 310],
    [80, 90, 85],
  ];
  const strata = events.map((row, h) => row.map((e, j) => ({ events: e, n: calls[h][j] })));
  it('3 arms x 3 strata: M² = 16.2142, df 2, p 0.000301 (R mantelhaen.test)', () => {
    const r = generalizedCmh(strata);
    expect(r.statistic).toBeCloseTo(16.2141576872682, 9);
    expect(r.df).toBe(2);
    expect(r.pValue).toBeCloseTo(0.000301398019247234, 10);
  });
  it('with 2 arms equals the CMH test (R: 6.37845) and on UCB gives 1.5246', () => {
    expect(generalizedCmh(strata.map((s) => s.slice(0, 2))).statistic).toBeCloseTo(6.37844837279808, 9);
    const ucbArms = ucb.map(({ a, b, c, d }) => [
      { events: a, n: a + b },
      { events: c, n: c + d },
    ]);
    expect(generalizedCmh(ucbArms).statistic).toBeCloseTo(1.52460666044344, 9);
  });
  it('reports empty strata and loses a df for an arm with no calls anywhere', () => {
    const withEmpty = [
      ...strata,
      [
        { events: 0, n: 0 },
        { events: 0, n: 0 },
        { events: 0, n: 0 },
      ],
      [
        { events: 0, n: 10 },
        { events: 0, n: 5 },
        { events: 0, n: 0 },
      ],
    ];
    const r = generalizedCmh(withEmpty);
    expect(r.statistic).toBeCloseTo(16.2141576872682, 9);
    expect(r).toMatchObject({ strataUsed: 3, strataSkipped: 2, skippedIndices: [3, 4] });
    const noArm = generalizedCmh(strata.map((s) => [...s, { events: 0, n: 0 }]));
    expect(noArm.df).toBe(2);
    expect(noArm.statistic).toBeCloseTo(16.2141576872682, 9);
    const none = generalizedCmh([]);
    expect(none.statistic).toBeNaN();
    expect(none.df).toBe(0);
  });
});
