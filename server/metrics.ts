import type { Dimension, Filters } from './contract/filters.ts';
import { DIMENSION_COLUMNS } from './contract/filters.ts';
import type { Database } from './db/database.ts';
import { filterParams } from './db/filter-params.ts';
import { renderIdentifiers, sqlText } from './db/sql-files.ts';
import { VARCHAR } from '@duckdb/node-api';

export interface Settings {
  earlySeconds: number;
  timezone: string;
}

/** Above this share of answered calls with no known hang-up party, hang-up rates are unreliable. */
export const UNKNOWN_PARTY_WARNING_SHARE = 0.2;

export interface DataWarning {
  code: 'unknown_hangup_party';
  share: number;
  message: string;
  messageZh: string;
}

/** Data-quality warnings for a summary row (README "Who hung up"). */
export function summaryWarnings(row: Record<string, unknown>): DataWarning[] {
  const share = row.unknownPartyShare as number | null;
  if (share === null || share === undefined || share <= UNKNOWN_PARTY_WARNING_SHARE) return [];
  const pct = Math.round(share * 100);
  return [{
    code: 'unknown_hangup_party',
    share,
    message: `For ${pct}% of answered calls the source does not say who hung up; the hang-up rate counts only calls where it does, so it may be too low.`,
    messageZh: `${pct}% 的已接通电话数据源未标明挂机方；挂机率只统计了已知挂机方的电话，可能偏低。`,
  }];
}

/** Metric questions: each runs one file of queries/ with the standard filters bound. */
export function summary(db: Database, f: Filters, s: Settings) {
  const { params, types } = filterParams(f, s.earlySeconds);
  return db.query(sqlText('summary'), params, types).then((rows) => ({ ...rows[0]!, warnings: summaryWarnings(rows[0]!) }));
}

/** Breakdown by a free-form customer attribute (customers files); the name is a bound value. */
export function breakdownByAttribute(db: Database, attr: string, f: Filters, s: Settings) {
  const { params, types } = filterParams(f, s.earlySeconds);
  return db.query(sqlText('breakdown_attribute'), { ...params, attr }, { ...types, attr: VARCHAR });
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
  const [values, [bounds], scripts, attrs] = await Promise.all([
    db.query(sqlText('dimension_values')), db.query(sqlText('date_bounds')),
    db.query<{ scriptId: string; campaign: string | null; text: string | null }>(sqlText('script_texts')),
    db.query<{ name: string; customers: number }>(sqlText('customer_attribute_names')),
  ]);
  const out: Record<string, { value: string; calls: number }[]> = {
    campaign: [], script: [], segment: [], numberTag: [], agent: [], ageBand: [], callerNumber: [],
  };
  for (const r of values as { dimension: string; value: string; calls: number }[]) out[r.dimension]!.push({ value: r.value, calls: r.calls });
  // Opening lines (scripts files) so every view showing a script can show what was said.
  const scriptTexts = Object.fromEntries(scripts.filter((r) => r.text !== null).map((r) => [r.scriptId, r.text]));
  const scriptCampaigns = Object.fromEntries(scripts.filter((r) => r.campaign !== null).map((r) => [r.scriptId, r.campaign]));
  return {
    ...out, ...(bounds as { firstDate: string | null; lastDate: string | null; calls: number }),
    scriptTexts, scriptCampaigns, customerAttributes: attrs.map((a) => a.name),
  };
}
