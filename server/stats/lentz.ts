/**
 * The modified Lentz algorithm for continued fractions (Numerical Recipes §5.2), shared by the
 * incomplete gamma and beta functions: each step folds one term a / (b + …) into the value h.
 * A denominator that reaches 0 is replaced by TINY, as the algorithm prescribes.
 */
export const TINY = 1e-300;

/** Running state: the value h and Lentz's C and D. */
export interface LentzState {
  c: number;
  d: number;
  h: number;
}

/** Folds the term a / (b + …) into `s`; returns the factor h changed by (1 within EPS: converged). */
export function lentzStep(s: LentzState, a: number, b: number): number {
  let d = a * s.d + b;
  if (Math.abs(d) < TINY) d = TINY;
  let c = b + a / s.c;
  if (Math.abs(c) < TINY) c = TINY;
  d = 1 / d;
  const delta = d * c;
  s.c = c;
  s.d = d;
  s.h *= delta;
  return delta;
}
