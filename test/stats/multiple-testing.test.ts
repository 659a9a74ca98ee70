// References: R 4.2.2 p.adjust; Benjamini & Hochberg (1995) worked example of 15 p-values.
import { describe, expect, it } from 'vitest';
import { benjaminiHochbergAdjust, holmAdjust } from '../../server/stats/multiple-testing';

describe('multiple testing', () => {
  const bh1995 = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1,
  ];
  it('BH on the Benjamini–Hochberg 1995 example matches R p.adjust("BH"); 4 discoveries at q = 0.05', () => {
    const expected = [
      0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0638571428571429, 0.0638571428571429, 0.0645, 0.0765, 0.486,
      0.581181818181818, 0.714875, 0.753230769230769, 0.813214285714286, 1,
    ];
    const adj = benjaminiHochbergAdjust(bh1995);
    adj.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
    expect(adj.filter((p) => p <= 0.05)).toHaveLength(4);
  });
  it('Holm on the same data matches R p.adjust("holm")', () => {
    const expected = [0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1, 1, 1, 1, 1, 1];
    holmAdjust(bh1995).forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
  });
  it('keeps input order (unsorted input) and caps at 1', () => {
    const p = [0.01, 0.04, 0.03, 0.005, 0.5, 0.2];
    expect(holmAdjust(p).map((x) => +x.toFixed(12))).toEqual([0.05, 0.12, 0.12, 0.03, 0.5, 0.4]);
    expect(benjaminiHochbergAdjust(p).map((x) => +x.toFixed(12))).toEqual([0.03, 0.06, 0.06, 0.03, 0.5, 0.24]);
    expect(Math.max(...holmAdjust([0.6, 0.7, 0.9]))).toBe(1);
  });
  it('NaN stays NaN and is not counted in m (R p.adjust with NA)', () => {
    const p = [0.04, Number.NaN, 0.01, 0.03];
    const bh = benjaminiHochbergAdjust(p);
    expect(bh[1]).toBeNaN();
    expect([bh[0], bh[2], bh[3]].map((x) => +x.toFixed(12))).toEqual([0.04, 0.03, 0.04]);
    const holm = holmAdjust(p);
    expect([holm[0], holm[2], holm[3]].map((x) => +x.toFixed(12))).toEqual([0.06, 0.03, 0.06]);
    expect(holmAdjust([])).toEqual([]);
  });
});
