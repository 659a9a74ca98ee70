/**
 * The report's table model (what a table is, how a cell is shown) and the percentage-point helper:
 * shared by tables.ts, which builds the report's tables, and insight-rows.ts, which builds the A/B
 * and recommendation tables for it. Kept apart so neither of those imports the other back.
 */
/** pct: a proportion shown as %; pp: percentage points (already ×100); p: a p-value; prob: a probability, 3 decimals. */
export type Fmt = 'text' | 'int' | 'pct' | 'pp' | 'p' | 'prob' | 'num';
export type CellValue = string | number | boolean | null;
export interface Column {
  header: string;
  fmt: Fmt;
  /** The metric a metric table's column holds (its key in METRIC_FMT); absent on other columns. */
  metric?: MetricColumn;
}
export interface ReportTable {
  id: string;
  /** Sheet name (≤ 31 characters, no []:*?/\). */
  name: string;
  title: string;
  columns: Column[];
  rows: CellValue[][];
  /** Per-cell format overrides, keyed `row:col` (e.g. the dials row of the KPI table). */
  cellFmt?: Record<string, Fmt>;
  note?: string;
}

/** Consecutive columns of one format. */
export const cols = (fmt: Fmt, ...headers: string[]): Column[] => headers.map((header) => ({ header, fmt }));

/** The metric columns of the report's tables: a count as it is, a rate (pct) as a finite number or null. */
export const METRIC_FMT = {
  dials: 'int',
  answered: 'int',
  connectRate: 'pct',
  knownParty: 'int',
  earlyHangups: 'int',
  hangupRate: 'pct',
  ciLow: 'pct',
  ciHigh: 'pct',
  shortCalls: 'int',
  shortCallRate: 'pct',
  shortCallRateCiLow: 'pct',
  shortCallRateCiHigh: 'pct',
} as const satisfies Record<string, Fmt>;
export type MetricColumn = keyof typeof METRIC_FMT;

/** A table's leading column: header, format, and how to read the cell from a row. */
export type LeadColumn<R> = [header: string, fmt: Fmt, cell: (row: R) => CellValue];

/**
 * A table of metric rows (breakdown rows, heatmap cells): the leading columns, then the named
 * metric columns with their headers from `headers` (the report dictionary).
 */
export function metricTable<R extends Partial<Record<MetricColumn, number | null>>>(
  base: Omit<ReportTable, 'columns' | 'rows'>,
  headers: Record<MetricColumn, string>,
  lead: LeadColumn<R>[],
  metrics: MetricColumn[],
  rows: R[],
): ReportTable {
  return {
    ...base,
    columns: [
      ...lead.map(([header, fmt]) => ({ header, fmt })),
      ...metrics.map((m) => ({ header: headers[m], fmt: METRIC_FMT[m], metric: m })),
    ],
    rows: rows.map((r) => [
      ...lead.map(([, , cell]) => cell(r)),
      ...metrics.map((m) => (METRIC_FMT[m] === 'pct' ? finite(r[m]) : (r[m] ?? null))),
    ]),
  };
}

/**
 * A metric table without the columns of `drop`: the HTML report's narrower tables (the XLSX and
 * CSV keep every column).
 */
export function withoutMetrics(table: ReportTable, drop: readonly MetricColumn[]): ReportTable {
  const keep = table.columns.map((c, i) => (c.metric && drop.includes(c.metric) ? -1 : i)).filter((i) => i >= 0);
  return { ...table, columns: keep.map((i) => table.columns[i]!), rows: table.rows.map((r) => keep.map((i) => r[i]!)) };
}

const finite = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A difference of proportions in percentage points (0.038 -> 3.8), so no reader takes it for a relative %. */
export const points = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x * 100 : null);
