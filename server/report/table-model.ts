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

/** A difference of proportions in percentage points (0.038 -> 3.8), so no reader takes it for a relative %. */
export const points = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x * 100 : null);
