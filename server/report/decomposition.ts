/**
 * Mix vs rate decomposition of a change in an overall rate R = Σ w_i r_i, where w_i is
 * segment i's share of the denominator and r_i its rate. report/data.ts passes the counts of the
 * week's headline rate as the semantic layer defines it (DESIGN.md, Metrics): known-party
 * answered calls and early hang-ups for the hang-up rate, answered calls and short calls for the
 * short-call rate. Symmetric (midpoint, the two-factor Shapley split), so the parts add up exactly:
 *
 *   ΔR = Σ (w1_i − w0_i)·(r0_i + r1_i)/2   [mix: a different share of calls in each segment]
 *      + Σ (r1_i − r0_i)·(w0_i + w1_i)/2   [rate: a real change within segments]
 *
 * A segment with no call in the denominator in one period has no rate there; its rate is taken as the
 * other period's (no change is observable), so its whole contribution counts as mix. That keeps
 * the identity exact instead of silently dropping the segment.
 */

export interface SegmentCounts {
  key: string | number | null;
  /** Denominator and numerator of the rate (e.g. known-party calls and early hang-ups), previous period. */
  n0: number;
  k0: number;
  /** Same, current period. */
  n1: number;
  k1: number;
}

export interface SegmentContribution {
  key: string | number | null;
  share0: number;
  share1: number;
  /** NaN when that period has no call in the segment's denominator. */
  rate0: number;
  rate1: number;
  mix: number;
  rate: number;
  total: number;
}

export interface Decomposition {
  rate0: number;
  rate1: number;
  /** rate1 − rate0 = mix + rate (up to rounding). */
  change: number;
  mix: number;
  rate: number;
  segments: SegmentContribution[];
}

/**
 * Decomposes rate1 − rate0 over the given segments. Both periods need calls in the denominator
 * (otherwise there is no change to explain and every number is NaN). Segments come back ordered
 * by the size of their total contribution, largest first.
 */
export function decompose(rows: SegmentCounts[]): Decomposition {
  for (const r of rows) {
    for (const [name, v] of [
      ['n0', r.n0],
      ['k0', r.k0],
      ['n1', r.n1],
      ['k1', r.k1],
    ] as const) {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`${name} of ${String(r.key)} must be a non-negative integer`);
    }
    if (r.k0 > r.n0 || r.k1 > r.n1) throw new RangeError(`more events than calls in ${String(r.key)}`);
  }
  const N0 = rows.reduce((s, r) => s + r.n0, 0);
  const N1 = rows.reduce((s, r) => s + r.n1, 0);
  const K0 = rows.reduce((s, r) => s + r.k0, 0);
  const K1 = rows.reduce((s, r) => s + r.k1, 0);
  if (N0 === 0 || N1 === 0) {
    return { rate0: N0 ? K0 / N0 : NaN, rate1: N1 ? K1 / N1 : NaN, change: NaN, mix: NaN, rate: NaN, segments: [] };
  }
  const segments = rows
    .filter((r) => r.n0 > 0 || r.n1 > 0)
    .map((r): SegmentContribution => {
      const w0 = r.n0 / N0;
      const w1 = r.n1 / N1;
      const rate0 = r.n0 ? r.k0 / r.n0 : NaN;
      const rate1 = r.n1 ? r.k1 / r.n1 : NaN;
      const r0 = r.n0 ? rate0 : rate1;
      const r1 = r.n1 ? rate1 : rate0;
      const mix = (w1 - w0) * ((r0 + r1) / 2);
      const rate = (r1 - r0) * ((w0 + w1) / 2);
      return { key: r.key, share0: w0, share1: w1, rate0, rate1, mix, rate, total: mix + rate };
    })
    .sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || String(a.key).localeCompare(String(b.key)));
  const mix = segments.reduce((s, c) => s + c.mix, 0);
  const rate = segments.reduce((s, c) => s + c.rate, 0);
  return { rate0: K0 / N0, rate1: K1 / N1, change: K1 / N1 - K0 / N0, mix, rate, segments };
}
