/**
 * Newcombe's hybrid score interval for a difference of two independent proportions
 * p1 − p2 (Newcombe 1998, Statistics in Medicine 17:873–890, method 10).
 * Why: it combines the two Wilson intervals, so it inherits their good coverage and never
 * breaks at 0 or n events, unlike the Wald interval for a difference.
 */
import { Z_95 } from './normal';
import { wilsonInterval } from './wilson';

/** Difference p1 − p2 with its interval; all NaN when either n is 0. */
export interface DifferenceInterval {
  difference: number;
  lower: number;
  upper: number;
}

/**
 * Hybrid score interval for events1/n1 − events2/n2:
 *   lower = d − sqrt((p1 − l1)² + (u2 − p2)²),  upper = d + sqrt((u1 − p1)² + (p2 − l2)²)
 * where (l_i, u_i) are the Wilson limits for arm i at the same z.
 */
export function newcombeInterval(
  events1: number,
  n1: number,
  events2: number,
  n2: number,
  z: number = Z_95,
): DifferenceInterval {
  const a = wilsonInterval(events1, n1, z);
  const b = wilsonInterval(events2, n2, z);
  if (n1 === 0 || n2 === 0) {
    return { difference: Number.NaN, lower: Number.NaN, upper: Number.NaN };
  }
  const difference = a.estimate - b.estimate;
  return {
    difference,
    lower: difference - Math.hypot(a.estimate - a.lower, b.upper - b.estimate),
    upper: difference + Math.hypot(a.upper - a.estimate, b.estimate - b.lower),
  };
}
