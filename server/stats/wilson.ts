/**
 * Wilson score interval for one proportion (Wilson 1927; method 3 in Newcombe 1998).
 * Why Wilson rather than the Wald p ± z·se: it stays inside [0, 1], is not degenerate at
 * 0 or n events, and has close to nominal coverage even for small n — which matters for
 * hang-up rates of small agents or thin segments.
 */
import { assertCounts } from './counts';
import { Z_95 } from './normal';

/** A proportion with its interval. All fields are NaN when n = 0 (no calls: rate undefined). */
export interface ProportionInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson interval for events / n at the given z (default Φ⁻¹(0.975) for 95%).
 * The bounds are exactly 0 when events = 0 and exactly 1 when events = n.
 */
export function wilsonInterval(events: number, n: number, z: number = Z_95): ProportionInterval {
  assertCounts(events, n);
  if (n === 0) return { estimate: Number.NaN, lower: Number.NaN, upper: Number.NaN };
  const p = events / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    estimate: p,
    // Rounding can leave ±1e-17 at the extremes; the exact values are 0 and 1.
    lower: events === 0 ? 0 : Math.max(0, centre - half),
    upper: events === n ? 1 : Math.min(1, centre + half),
  };
}
