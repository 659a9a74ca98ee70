import { describe, expect, it } from 'vitest';
import { decompose, type Decomposition, type SegmentCounts } from '../../server/report/decomposition.ts';

/** Equal to 12 places, or both NaN (a period with no known-party call has no rate). */
function close(actual: number, expected: number, what: string) {
  if (Number.isNaN(expected)) expect(Number.isNaN(actual), what).toBe(true);
  else expect(actual, what).toBeCloseTo(expected, 12);
}

interface Case {
  name: string;
  rows: SegmentCounts[];
  want: Partial<Record<'rate0' | 'rate1' | 'change' | 'mix' | 'rate', number>>;
  /** The contributions of some segments, worked out by hand. */
  segments?: Record<string, Partial<Record<'rate0' | 'mix' | 'rate' | 'total', number>>>;
  /** The segment with the largest contribution (listed first). */
  first?: string;
}

const CASES: Case[] = [
  {
    // A keeps 10%, B keeps 30%; B's share of known-party calls goes from 1/2 to 3/4.
    // R0 = 0.20, R1 = (5 + 45) / 200 = 0.25. Mix = (0.25 − 0.5)·0.1 + (0.75 − 0.5)·0.3 = 0.05.
    name: 'attributes a pure shift of calls between segments to mix',
    rows: [
      { key: 'A', n0: 100, k0: 10, n1: 50, k1: 5 },
      { key: 'B', n0: 100, k0: 30, n1: 150, k1: 45 },
    ],
    want: { rate0: 0.2, rate1: 0.25, mix: 0.05, rate: 0 },
  },
  {
    // Shares stay 1/2 each; A goes 10% -> 20%, B stays 30%: ΔR = 0.5·0.1 = 0.05, all rate.
    name: 'attributes a change within unchanged shares to rate',
    rows: [
      { key: 'A', n0: 100, k0: 10, n1: 100, k1: 20 },
      { key: 'B', n0: 100, k0: 30, n1: 100, k1: 30 },
    ],
    want: { change: 0.05, mix: 0, rate: 0.05 },
    segments: { A: { rate: 0.05 } },
    first: 'A',
  },
  {
    // Previous: A 200 known-party calls, 20 early (0.10); B 200, 60 (0.30). R0 = 80/400 = 0.20.
    // Current:  A 100, 20 (0.20); B 300, 120 (0.40). R1 = 140/400 = 0.35. ΔR = 0.15.
    // w0 = (0.5, 0.5), w1 = (0.25, 0.75).
    // mix  = (0.25 − 0.5)·(0.10 + 0.20)/2 + (0.75 − 0.5)·(0.30 + 0.40)/2 = −0.0375 + 0.0875 = 0.05
    // rate = (0.20 − 0.10)·(0.5 + 0.25)/2 + (0.40 − 0.30)·(0.5 + 0.75)/2 = 0.0375 + 0.0625 = 0.10
    name: 'splits a mixed change with the midpoint weights, by hand',
    rows: [
      { key: 'A', n0: 200, k0: 20, n1: 100, k1: 20 },
      { key: 'B', n0: 200, k0: 60, n1: 300, k1: 120 },
    ],
    want: { change: 0.15, mix: 0.05, rate: 0.1 },
    segments: { B: { mix: 0.0875, rate: 0.0625, total: 0.15 } },
    first: 'B', // largest contribution first
  },
  {
    // Previous: A 100, 20 (0.2). Current: A 100, 20 (0.2); C 100, 40 (0.4). R1 = 0.3, ΔR = 0.1.
    // A: w 1 -> 0.5, mix = −0.5·0.2 = −0.1. C: w 0 -> 0.5, rate taken as 0.4: mix = 0.5·0.4 = 0.2.
    name: 'counts a segment new this week entirely as mix and keeps the identity exact',
    rows: [
      { key: 'A', n0: 100, k0: 20, n1: 100, k1: 20 },
      { key: 'C', n0: 0, k0: 0, n1: 100, k1: 40 },
    ],
    want: { change: 0.1, mix: 0.1, rate: 0 },
    segments: { C: { rate0: NaN, mix: 0.2 } },
  },
];

describe('mix vs rate decomposition', () => {
  it.each(CASES)('$name', ({ rows, want, segments, first }) => {
    const d: Decomposition = decompose(rows);
    for (const [k, v] of Object.entries(want)) close(d[k as keyof typeof want], v, k);
    for (const [key, parts] of Object.entries(segments ?? {})) {
      const s = d.segments.find((x) => x.key === key)!;
      for (const [k, v] of Object.entries(parts)) close(s[k as keyof typeof parts], v, `${key}.${k}`);
    }
    if (first) expect(d.segments[0]!.key).toBe(first);
  });

  it('returns NaN rather than a number when a period has no known-party calls', () => {
    const d = decompose([{ key: 'A', n0: 0, k0: 0, n1: 10, k1: 2 }]);
    expect(Number.isNaN(d.change)).toBe(true);
    expect(d.rate1).toBeCloseTo(0.2, 12);
    expect(d.segments).toEqual([]);
    expect(Number.isNaN(decompose([]).change)).toBe(true);
  });

  it('refuses impossible counts', () => {
    expect(() => decompose([{ key: 'A', n0: 5, k0: 6, n1: 1, k1: 0 }])).toThrow(RangeError);
    expect(() => decompose([{ key: 'A', n0: 1.5, k0: 0, n1: 1, k1: 0 }])).toThrow(RangeError);
  });
});
