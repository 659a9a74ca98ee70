/**
 * The one metric SQL template. Summary, breakdown, attribute breakdown and heatmap are the same
 * question at different groupings: count every measure of COUNTS per group, then turn counts into
 * rates with Wilson bounds. Written through a Dialect, from calls or from a rollup table.
 */
import type { Filters } from '../contract/filters.ts';
import type { BoundParams, Dialect } from './dialect.ts';
import { FILTER_COLUMNS, type ListFilterKey } from './dimensions.ts';
import { COUNTS, DERIVED_COUNTS, FLAGS, RATES, T_FLAGS, type CountMeasure, type FlagColumn } from './measures.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;

/** Where the counts come from. */
export type MetricSource =
  /** `calls` (or any FROM fragment over its columns); `flagsT`: stored early/short flags match the requested T. */
  | { kind: 'base'; from: string; flagsT: boolean }
  /** A rollup table: counts are sums of its count columns. */
  | { kind: 'rollup'; from: string };

export interface GroupColumn {
  /** Output column name (identifier). */
  alias: string;
  /** The grouped fragment: an allow-listed column, or a fixed fragment of the caller's. */
  expr: string;
}

export interface MetricSpec {
  source: MetricSource;
  groups: GroupColumn[];
  /** Conditions ANDed in WHERE (from whereOf: filters present only). */
  where: string[];
  /** Add firstDate / lastDate (the summary's date span). */
  dateSpan?: boolean;
  /** Output aliases to order by, NULLs last. */
  orderBy?: string[];
}

/** A generated query with its bound parameters. */
export interface GeneratedSql {
  sql: string;
  params: BoundParams;
}

/**
 * The WHERE conditions of the filters present, and their parameters (absent filters add nothing;
 * each list value is its own bound placeholder).
 */
export function whereOf(d: Dialect, f: Partial<Filters>): { where: string[]; params: BoundParams } {
  const where: string[] = [];
  const params: BoundParams = {};
  if (f.from) {
    params.from = { type: 'text', value: f.from };
    where.push(`local_date >= ${d.param('from', 'date')}`);
  }
  if (f.to) {
    params.to = { type: 'text', value: f.to };
    where.push(`local_date < ${d.param('to', 'date')}`);
  }
  for (const [key, column] of Object.entries(FILTER_COLUMNS) as [ListFilterKey, string][]) {
    const values = [...new Set(f[key] ?? [])];
    if (values.length === 0) continue;
    const base = column === 'script_id' ? 'script' : column;
    const names = values.map((v, i) => {
      params[`${base}_${i}`] = { type: 'text', value: v };
      return d.param(`${base}_${i}`, 'text');
    });
    where.push(d.inList(d.ident(column), names));
  }
  return { where, params };
}

/** The aggregate of one count over the source. */
export function countExpr(d: Dialect, c: CountMeasure, src: MetricSource): string {
  if (src.kind === 'rollup') return d.sumCount(d.ident(c.rollupColumn));
  if (c.flag === null) return d.countAll();
  return d.countIf(flagExpr(d, c.flag, src.flagsT));
}

/** A flag as stored, or (T not the stored one) its definition with T bound as $early_seconds. */
export function flagExpr(d: Dialect, flag: FlagColumn, storedT: boolean): string {
  if (storedT || !T_FLAGS.includes(flag)) return d.ident(flag);
  return `(${FLAGS[flag].replace('$T', d.param('early_seconds', 'double'))})`;
}

/**
 * The aggregate: group columns, then every count under its rollup column name (and the first and
 * last local date), grouped, without ORDER BY.
 */
function aggregateSql(d: Dialect, spec: MetricSpec, formatDates: boolean): string {
  for (const g of spec.groups) if (!IDENT.test(g.alias)) throw new Error(`bad group alias ${g.alias}`);
  const date = (agg: string) => (formatDates ? d.formatDate(`${agg}(local_date)`) : `${agg}(local_date)`);
  const inner = [
    ...spec.groups.map((g) => `${g.expr} AS ${d.ident(g.alias)}`),
    ...COUNTS.map((c) => `${countExpr(d, c, spec.source)} AS ${c.rollupColumn}`),
    ...(spec.dateSpan ? [`${date('min')} AS first_date`, `${date('max')} AS last_date`] : []),
  ];
  const where = spec.where.length ? `\n  WHERE ${spec.where.join('\n    AND ')}` : '';
  const groupBy = spec.groups.length ? `\n  GROUP BY ${spec.groups.map((g) => g.expr).join(', ')}` : '';
  return `SELECT ${inner.join(',\n    ')}\n  FROM ${spec.source.from}${where}${groupBy}`;
}

const orderSql = (d: Dialect, spec: MetricSpec) =>
  spec.orderBy?.length ? `\nORDER BY ${spec.orderBy.map((a) => d.orderNullsLast(d.ident(a))).join(', ')}` : '';

/**
 * The counts of a metric request and nothing else (rates.ts metricRow adds the rates): what the
 * API runs. Dates of the span come formatted as YYYY-MM-DD.
 */
export function countsSql(d: Dialect, spec: MetricSpec): string {
  return aggregateSql(d, spec, true) + orderSql(d, spec);
}

/** The metric SELECT: group columns, every count, derived counts, rates with bounds (+ aliases). */
export function metricSql(d: Dialect, spec: MetricSpec): string {
  const col = (key: string): string => {
    const c = COUNTS.find((m) => m.key === key);
    if (c) return c.rollupColumn;
    const dc = DERIVED_COUNTS.find((m) => m.key === key);
    if (dc) return `(${col(dc.minus[0])} - ${col(dc.minus[1])})`;
    throw new Error(`unknown count ${key}`);
  };
  const outer = [
    ...spec.groups.map((g) => d.ident(g.alias)),
    ...COUNTS.map((c) => `${c.rollupColumn} AS ${d.ident(c.key)}`),
    ...DERIVED_COUNTS.map((c) => `${col(c.key)} AS ${d.ident(c.key)}`),
    ...(spec.dateSpan
      ? [
          `${d.formatDate('first_date')} AS ${d.ident('firstDate')}`,
          `${d.formatDate('last_date')} AS ${d.ident('lastDate')}`,
        ]
      : []),
  ];
  for (const r of RATES) {
    const k = col(r.numerator),
      n = col(r.denominator);
    outer.push(`${d.rate(k, n)} AS ${d.ident(r.key)}`);
    const bounds: [string, string] | null = r.bounds;
    if (!bounds) continue;
    outer.push(`${d.wilsonLow(k, n)} AS ${d.ident(bounds[0])}`, `${d.wilsonHigh(k, n)} AS ${d.ident(bounds[1])}`);
    const aliases = (r as { aliases?: [string, string] }).aliases;
    if (aliases)
      outer.push(`${d.wilsonLow(k, n)} AS ${d.ident(aliases[0])}`, `${d.wilsonHigh(k, n)} AS ${d.ident(aliases[1])}`);
  }
  // A derived table, not WITH t AS (…): ClickHouse 18.16 has no table CTEs (hook for server/clickhouse).
  return `SELECT ${outer.join(',\n  ')}\nFROM (\n  ${aggregateSql(d, spec, false)}\n) AS t${orderSql(d, spec)}`;
}
