import type { Dimension, Filters } from './contract/filters.ts';
import { DIMENSION_COLUMNS } from './contract/filters.ts';
import type { BreakdownRow, HeatCell, HeadlineReason, Summary } from './contract/metrics.ts';
import { callsListing, queryStoreOf } from './db/query-store.ts';
import type { Database } from './db/database.ts';
import { sqlText } from './db/sql-files.ts';
import { type BoundParams } from './semantic/dialect.ts';
import { HEADLINE_MIN_KNOWN_SHARE, type Headline } from './semantic/measures.ts';
import { planSource, type PlannerState } from './semantic/planner.ts';
import { ROLLUPS } from './semantic/rollups.ts';
import { metricRow } from './semantic/rates.ts';
import { countsSql, whereOf, type GroupColumn, type MetricSource } from './semantic/sql.ts';
import type { Settings } from './settings.ts';

// Settings has its own module; re-exported so `import { type Settings } from './metrics.ts'` keeps working.
export type { Settings } from './settings.ts';

/** Above this share of answered calls with no known hang-up party, the summary warns. */
export const UNKNOWN_PARTY_WARNING_SHARE = 0.2;

export interface DataWarning {
  code: 'unknown_hangup_party';
  share: number;
  message: string;
  messageZh: string;
}

/** Data-quality warnings for a summary row (README "Who hung up"). */
export function summaryWarnings(row: { unknownPartyShare?: number | null }): DataWarning[] {
  const share = row.unknownPartyShare;
  if (share === null || share === undefined || share <= UNKNOWN_PARTY_WARNING_SHARE) return [];
  const pct = Math.round(share * 100);
  return [
    {
      code: 'unknown_hangup_party',
      share,
      message: `For ${pct}% of answered calls the source does not say who hung up; the hang-up rate counts only the calls where it does.`,
      messageZh: `${pct}% 的已接通电话数据源未标明挂机方；挂机率只统计已知挂机方的电话。`,
    },
  ];
}

/**
 * The headline metric (README, Metrics): the hang-up rate when at least half of the answered calls in
 * view have a known hang-up party, else the short-call rate, with the reason in both languages.
 */
export function headlineOf(
  row: { answered: number; knownParty: number },
  earlySeconds: number,
): { headline: Headline; headlineReason: HeadlineReason | null } {
  if (row.answered === 0 || row.knownParty >= HEADLINE_MIN_KNOWN_SHARE * row.answered)
    return { headline: 'hangup', headlineReason: null };
  const unknownShare = (row.answered - row.knownParty) / row.answered;
  const pct = Math.round(unknownShare * 100);
  return {
    headline: 'short',
    headlineReason: {
      unknownPartyShare: unknownShare,
      en: `Your CDRs do not say who hung up for ${pct}% of answered calls: showing calls shorter than ${earlySeconds} s.`,
      zh: `您的话单有 ${pct}% 的已接通电话未标明挂机方：改为显示通话不足 ${earlySeconds} 秒的占比。`,
    },
  };
}

const sizesCache = new WeakMap<Database, { generation: number; sizes: Record<string, number> }>();

/** What the planner may use: stored flags' T, rollups, and rollup sizes (re-read after writes). */
export async function plannerState(db: Database): Promise<PlannerState> {
  const state: PlannerState = { flagsT: db.derived.earlySeconds, rollups: db.derived.rollups };
  if (!state.rollups) return state;
  const generation = db.dataGeneration;
  let cached = sizesCache.get(db);
  if (!cached || cached.generation !== generation) {
    const rows = await db.query<{ name: string; n: number }>(sqlText('rollup_sizes'));
    cached = { generation, sizes: Object.fromEntries(rows.map((r) => [r.name, Number(r.n)])) };
    sizesCache.set(db, cached);
  }
  // A rollup missing from the catalogue (should not happen once aligned) is never chosen.
  for (const r of ROLLUPS) if (!(r.name in cached.sizes)) return { ...state, rollups: false };
  return { ...state, sizes: cached.sizes };
}

interface MetricRequest {
  groups: { alias: string; column: string }[];
  filters: Filters;
  dateSpan?: boolean;
  orderBy?: string[];
}

/** Plans, generates and runs one metric query (the template of semantic/sql.ts); rates are added in JS (semantic/rates.ts). */
export async function runMetric<T>(
  db: Database,
  s: Settings,
  req: MetricRequest,
): Promise<{ rows: T[]; source: MetricSource }> {
  const q = queryStoreOf(db); // hook: DuckDB, or ClickHouse under serve --clickhouse (server/db/query-store.ts)
  const d = q.dialect;
  const { where, params } = whereOf(d, req.filters);
  const planned = planSource(
    d,
    {
      groupColumns: req.groups.map((g) => g.column),
      filters: req.filters,
      earlySeconds: s.earlySeconds,
      dateSpan: req.dateSpan,
    },
    await (q.plannerState?.() ?? plannerState(db)),
  );
  const source: MetricSource = planned.kind === 'base' ? { ...planned, from: q.calls.from } : planned;
  if (source.kind === 'rollup' && q.rollupFrom) source.from = q.rollupFrom(source.from); // hook: ClickHouse rollups
  const groups: GroupColumn[] = req.groups.map((g) => ({ alias: g.alias, expr: d.ident(g.column) }));
  const sql = countsSql(d, {
    source,
    groups,
    where: source.kind === 'base' ? [...q.calls.where, ...where] : where,
    dateSpan: req.dateSpan,
    orderBy: req.orderBy,
  });
  const bound: BoundParams = { ...params, ...earlyParam(source, s.earlySeconds) };
  const shape = { groups: groups.map((g) => g.alias), dateSpan: req.dateSpan };
  return { rows: (await q.run(sql, bound)).map((r) => metricRow<T>(r, shape)), source };
}

/** T as a parameter when the stored flags were derived with another T. */
const earlyParam = (source: MetricSource, earlySeconds: number): BoundParams =>
  source.kind === 'base' && !source.flagsT ? { early_seconds: { type: 'double', value: earlySeconds } } : {};

/** Metric questions: the semantic layer's template, answered from a rollup when one covers it. */
export async function summary(db: Database, f: Filters, s: Settings): Promise<Summary> {
  const { rows } = await runMetric<Omit<Summary, 'headline' | 'headlineReason' | 'warnings'>>(db, s, {
    groups: [],
    filters: f,
    dateSpan: true,
  });
  const row = rows[0]!;
  return { ...row, ...headlineOf(row, s.earlySeconds), warnings: summaryWarnings(row) };
}

export async function breakdown(db: Database, by: Dimension, f: Filters, s: Settings): Promise<BreakdownRow[]> {
  const { rows } = await runMetric<BreakdownRow>(db, s, {
    groups: [{ alias: 'key', column: DIMENSION_COLUMNS[by] }],
    filters: f,
    orderBy: ['key'],
  });
  return rows;
}

export async function heatmap(db: Database, x: Dimension, y: Dimension, f: Filters, s: Settings): Promise<HeatCell[]> {
  const { rows } = await runMetric<HeatCell>(db, s, {
    groups: [
      { alias: 'x', column: DIMENSION_COLUMNS[x] },
      { alias: 'y', column: DIMENSION_COLUMNS[y] },
    ],
    filters: f,
    orderBy: ['y', 'x'],
  });
  return rows;
}

/** Breakdown by a free-form customer attribute (customers files); the name is a bound value. */
export async function breakdownByAttribute(
  db: Database,
  attr: string,
  f: Filters,
  s: Settings,
): Promise<BreakdownRow[]> {
  const q = queryStoreOf(db); // hook: query store (server/db/query-store.ts)
  const d = q.dialect;
  const { where, params } = whereOf(d, f);
  const flagsT = (q.plannerState ? (await q.plannerState()).flagsT : db.derived.earlySeconds) === s.earlySeconds;
  const join = q.attributeJoin(d.param('attr', 'text'));
  const source: MetricSource = { kind: 'base', flagsT, from: join.from };
  const sql = countsSql(d, {
    source,
    groups: [{ alias: 'key', expr: join.key }],
    where: [...q.calls.where, ...where.map(qualify)],
    orderBy: ['key'],
  });
  const bound: BoundParams = { ...params, attr: { type: 'text', value: attr }, ...earlyParam(source, s.earlySeconds) };
  return (await q.run(sql, bound)).map((r) => metricRow<BreakdownRow>(r, { groups: ['key'] }));
}
// Filter columns are unique to calls, but qualified anyway so the join can never make them ambiguous.
const qualify = (cond: string) =>
  cond.replace(/^"?(local_date|campaign|script_id|segment|number_tag|agent_id)"?/, 'calls."$1"');

/** Distinct values per filter dimension and the stored date range, for filter menus. */
export async function dimensions(db: Database) {
  const [values, [bounds], scripts, attrs] = await Promise.all([
    callsListing(db, 'dimension_values'),
    callsListing(db, 'date_bounds'), // hook: query store
    db.query<{ scriptId: string; campaign: string | null; text: string | null }>(sqlText('script_texts')),
    db.query<{ name: string; customers: number }>(sqlText('customer_attribute_names')),
  ]);
  const out: Record<string, { value: string; calls: number }[]> = {
    campaign: [],
    script: [],
    segment: [],
    numberTag: [],
    agent: [],
    ageBand: [],
    callerNumber: [],
  };
  for (const r of values as { dimension: string; value: string; calls: number }[])
    out[r.dimension]!.push({ value: r.value, calls: r.calls });
  // Opening lines (scripts files) so every view showing a script can show what was said.
  const scriptTexts = Object.fromEntries(scripts.filter((r) => r.text !== null).map((r) => [r.scriptId, r.text]));
  const scriptCampaigns = Object.fromEntries(
    scripts.filter((r) => r.campaign !== null).map((r) => [r.scriptId, r.campaign]),
  );
  return {
    ...out,
    ...(bounds as { firstDate: string | null; lastDate: string | null; calls: number }),
    scriptTexts,
    scriptCampaigns,
    customerAttributes: attrs.map((a) => a.name),
  };
}
