/**
 * The shared input shape of this library: an arm's (or stratum's, or unit's) hang-up count.
 * Impossible counts throw, because they mean a bug upstream; legitimate edge cases
 * (n = 0, 0 events, all events) never throw and are handled by each function.
 */

/** Events (hang-ups) out of n calls. */
export interface ArmCounts {
  events: number;
  n: number;
}

/** Throws RangeError unless 0 <= events <= n and both are finite. */
export function assertCounts(events: number, n: number): void {
  if (!Number.isFinite(events) || !Number.isFinite(n) || events < 0 || n < 0 || events > n) {
    throw new RangeError(`invalid counts: events=${events}, n=${n}`);
  }
}
