import type { Dimension, Filters } from './contract/filters.ts';
import { DIMENSION_COLUMNS } from './contract/filters.ts';
import type { Database } from './db/database.ts';
import { filterParams } from './db/filter-params.ts';
import { renderIdentifiers, sqlText } from './db/sql-files.ts';

export interface Settings {
  earlySeconds: number;
  timezone: string;
}

/** Metric questions: each runs one file of queries/ with the standard filters bound. */
export function summary(db: Database, f: Filters, s: Settings) {
  const { params, types } = filterParams(f, s.earlySeconds);
  return db.query(sqlText('summary'), params, types).then((rows) => rows[0]!);
}

export function breakdown(db: Database, by: Dimension, f: Filters, s: Settings) {
  const { params, types } = filterParams(f, s.earlySeconds);
  return db.query(breakdownSql(by), params, types);
}

export function heatmap(db: Database, x: Dimension, y: Dimension, f: Filters, s: Settings) {
  const { params, types } = filterParams(f, s.earlySeconds);
  return db.query(heatmapSql(x, y), params, types);
}

export const breakdownSql = (by: Dimension) => renderIdentifiers(sqlText('breakdown'), { dim: DIMENSION_COLUMNS[by] });
export const heatmapSql = (x: Dimension, y: Dimension) =>
  renderIdentifiers(sqlText('heatmap'), { x: DIMENSION_COLUMNS[x], y: DIMENSION_COLUMNS[y] });

/** Distinct values per filter dimension and the stored date range, for filter menus. */
export async function dimensions(db: Database) {
  const [values, [bounds]] = await Promise.all([db.query(sqlText('dimension_values')), db.query(sqlText('date_bounds'))]);
  const out: Record<string, { value: string; calls: number }[]> = {
    campaign: [], script: [], segment: [], numberTag: [], agent: [], ageBand: [], callerNumber: [],
  };
  for (const r of values as { dimension: string; value: string; calls: number }[]) out[r.dimension]!.push({ value: r.value, calls: r.calls });
  return { ...out, ...(bounds as { firstDate: string | null; lastDate: string | null; calls: number }) };
}
