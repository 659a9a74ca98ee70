/**
 * INTERIM: the two statistics the weekly report needs, with the exact signatures of issue 4's
 * `server/stats/` (newcombe.ts, proportion-tests.ts). Delete this file and import from
 * server/stats/ once that library is on main.
 */

const Z_95 = 1.959963984540054;

/** erfc(x) for x >= 0 (Numerical Recipes `erfcc`, fractional error < 1.2e-7 everywhere). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const y = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return y;
}
const normalSf = (z: number) => 0.5 * erfc(z / Math.SQRT2);

function wilson(events: number, n: number, z = Z_95) {
  const p = events / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { estimate: p, lower: events === 0 ? 0 : Math.max(0, centre - half), upper: events === n ? 1 : Math.min(1, centre + half) };
}

export interface DifferenceInterval {
  difference: number;
  lower: number;
  upper: number;
}

/** Newcombe (1998) hybrid score interval for events1/n1 − events2/n2; NaN when an n is 0. */
export function newcombeInterval(events1: number, n1: number, events2: number, n2: number, z = Z_95): DifferenceInterval {
  if (n1 === 0 || n2 === 0) return { difference: NaN, lower: NaN, upper: NaN };
  const a = wilson(events1, n1, z);
  const b = wilson(events2, n2, z);
  const difference = a.estimate - b.estimate;
  return {
    difference,
    lower: difference - Math.hypot(a.estimate - a.lower, b.upper - b.estimate),
    upper: difference + Math.hypot(a.upper - a.estimate, b.estimate - b.lower),
  };
}

export interface ArmCounts {
  events: number;
  n: number;
}

/** Pooled two-proportion z-test, two-sided; NaN when an n is 0, p = 1 when the pooled variance is 0. */
export function twoProportionZTest(a: ArmCounts, b: ArmCounts): { difference: number; z: number; pValue: number } {
  if (a.n === 0 || b.n === 0) return { difference: NaN, z: NaN, pValue: NaN };
  const difference = a.events / a.n - b.events / b.n;
  const pooled = (a.events + b.events) / (a.n + b.n);
  const variance = pooled * (1 - pooled) * (1 / a.n + 1 / b.n);
  if (variance === 0) return { difference, z: 0, pValue: 1 };
  const z = difference / Math.sqrt(variance);
  return { difference, z, pValue: Math.min(1, 2 * normalSf(Math.abs(z))) };
}
