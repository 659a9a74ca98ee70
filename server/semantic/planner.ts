/**
 * The query planner: answers a metric request from the smallest rollup whose grain holds every
 * column the request groups or filters by, else from `calls`. Rollups and the stored early/short
 * flags only count when they were derived with the T the request asks for; otherwise the base
 * table is read with T bound as a parameter.
 */
import type { Filters } from '../contract/filters.ts';
import type { Dialect } from './dialect.ts';
import { filterColumnsOf } from './dimensions.ts';
import { coveringRollups } from './rollups.ts';
import type { MetricSource } from './sql.ts';

export interface PlannerState {
  /** T the stored flags and rollups were derived with (null: unknown, flags unusable). */
  flagsT: number | null;
  /** Rollups exist and are current. */
  rollups: boolean;
  /** Rows per rollup table when known (smallest covering one wins). */
  sizes?: Record<string, number>;
}

export interface PlanRequest {
  /** Stored columns grouped by. */
  groupColumns: string[];
  filters: Partial<Filters>;
  earlySeconds: number;
  /** The answer carries the first and last local date (the summary): only a dated rollup holds them. */
  dateSpan?: boolean;
  /** The request reads something only `calls` has (a join, a row-level column): no rollup. */
  baseOnly?: boolean;
}

export function planSource(d: Dialect, req: PlanRequest, state: PlannerState): MetricSource {
  const flagsT = state.flagsT !== null && state.flagsT === req.earlySeconds;
  if (flagsT && state.rollups && !req.baseOnly) {
    const needed = new Set([
      ...req.groupColumns,
      ...filterColumnsOf(req.filters),
      ...(req.dateSpan ? ['local_date'] : []),
    ]);
    const candidates = coveringRollups(needed);
    if (candidates.length) {
      const size = (name: string) => state.sizes?.[name] ?? Number.POSITIVE_INFINITY;
      const best = candidates.reduce((a, b) => (size(b.name) < size(a.name) ? b : a));
      return { kind: 'rollup', from: d.ident(best.name) };
    }
  }
  return { kind: 'base', from: 'calls', flagsT };
}
