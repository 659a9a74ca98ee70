/** Timing helpers of the benchmark: medians and percentiles of wall-clock milliseconds. */
export const now = () => Number(process.hrtime.bigint()) / 1e6;

export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
export const median = (xs: readonly number[]) => percentile(xs, 50);

export interface Timing {
  median: number | null;
  min: number | null;
  runs: number;
  /** Milliseconds of the first (cold) run, before any warm-up. */
  first: number | null;
}

/** A run may time itself (PostgreSQL's server-side time, without psql start-up): `{ selfMs }`. */
const ranFor = (result: unknown, wall: number) =>
  result &&
  typeof result === 'object' &&
  'selfMs' in result &&
  typeof (result as { selfMs: unknown }).selfMs === 'number'
    ? (result as { selfMs: number }).selfMs
    : wall;

/**
 * Several ways of answering one request, timed in turn within each round (API, then every
 * engine), so all of them run under the same machine load; a shared 2-core box drifts within
 * minutes. Round 1 is the cold call of each, round 2 a warm-up, then up to `runs` timed rounds
 * (at least min(runs, 3); stopping once `budgetMs` is spent).
 */
export async function timeInterleaved(
  fns: Record<string, () => Promise<unknown>>,
  o: { runs: number; budgetMs?: number },
): Promise<Record<string, Timing>> {
  const names = Object.keys(fns);
  const xs: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const first: Record<string, number> = {};
  const start = now();
  for (let round = 0; round < o.runs + 2; round++) {
    for (const n of names) {
      const t = now();
      const res = await fns[n]!();
      const ms = ranFor(res, now() - t);
      if (round === 0) first[n] = ms;
      else if (round > 1) xs[n]!.push(ms);
    }
    // At least min(runs, 3) timed rounds, then stop once the budget is spent.
    if (round >= 1 + Math.min(o.runs, 3) && now() - start > (o.budgetMs ?? 20_000)) break;
  }
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        median: median(xs[n]!),
        min: xs[n]!.length ? Math.min(...xs[n]!) : null,
        runs: xs[n]!.length,
        first: first[n] ?? null,
      },
    ]),
  );
}

export const fmtMs = (x: number | null | undefined) => (x == null ? '—' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
export const fmtRatio = (x: number | null | undefined) => (x == null || !Number.isFinite(x) ? '—' : `${x.toFixed(2)}x`);
