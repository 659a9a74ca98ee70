/**
 * Rates from counts, in JS: the API's metric queries return counts only (sql.ts countsSql) and
 * every rate of RATES, with its Wilson bounds and their older names, is added here. Why not in
 * SQL: DuckDB plans a prepared statement with parameters again at every execution, and the
 * rate and Wilson macros expanded ten times over made that planning 10-30 ms of a 3 ms rollup
 * query. The arithmetic is the macros' own (queries/metrics/macros.sql), operation for operation,
 * so a rate here equals the generated SQL's to the last bit (test/queries/rates.test.ts).
 */
import { COUNTS, DERIVED_COUNTS, RATES, type CountKey, type DerivedCountKey } from './measures.ts';

const Z = 1.959963984540054;
const Z2 = Z * Z;

/** k / n, null when n = 0 (a rate of nothing is unknown, not 0): the `rate` macro. */
export const rateOf = (k: number, n: number): number | null => (n > 0 ? k / n : null);

/** Wilson score 95% bound of k / n with sign ±, null when n = 0: the `wilson_low` / `wilson_high` macros. */
export function wilsonBound(k: number, n: number, sign: 1 | -1): number | null {
  if (!(n > 0)) return null;
  const p = k / n;
  const half = Z * Math.sqrt((p * (1 - p)) / n + Z2 / (4 * n * n));
  return (sign > 0 ? p + Z2 / (2 * n) + half : p + Z2 / (2 * n) - half) / (1 + Z2 / n);
}

/** Which columns of a counts row are group values and whether it carries the date span. */
export interface CountsShape {
  groups: readonly string[];
  dateSpan?: boolean;
}

/**
 * A response row from one row of countsSql: group values as they are, every count (by its key),
 * derived counts, the date span, then each rate with its bounds and aliases, in the order the
 * generated SQL names them.
 */
export function metricRow<T>(row: Record<string, unknown>, shape: CountsShape): T {
  const out: Record<string, unknown> = {};
  for (const g of shape.groups) out[g] = row[g];
  const counts = {} as Record<CountKey | DerivedCountKey, number>;
  for (const c of COUNTS) out[c.key] = counts[c.key] = Number(row[c.rollupColumn] ?? 0);
  for (const c of DERIVED_COUNTS) out[c.key] = counts[c.key] = counts[c.minus[0]] - counts[c.minus[1]];
  if (shape.dateSpan) {
    out.firstDate = row.first_date ?? null;
    out.lastDate = row.last_date ?? null;
  }
  for (const r of RATES) {
    const k = counts[r.numerator],
      n = counts[r.denominator];
    out[r.key] = rateOf(k, n);
    if (!r.bounds) continue;
    const [low, high] = [wilsonBound(k, n, -1), wilsonBound(k, n, 1)];
    out[r.bounds[0]] = low;
    out[r.bounds[1]] = high;
    const aliases = (r as { aliases?: readonly [string, string] }).aliases;
    if (aliases) [out[aliases[0]], out[aliases[1]]] = [low, high];
  }
  return out as T;
}
