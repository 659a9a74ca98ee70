/**
 * Gathers every number of one weekly report. The metrics come from the semantic layer
 * (server/metrics.ts: summary, breakdown, heatmap, runMetric), so the planner answers them from
 * a rollup when one covers the question and they run on ClickHouse when the server does (the
 * query store); A/B and recommendations come from the insight modules. Only the ingest log (the
 * control store, always the DuckDB file) is read here directly. Nothing is computed from raw
 * rows except the pure statistics on the counts those return.
 */
import { VARCHAR } from '@duckdb/node-api';
import { DIMENSION_COLUMNS, type Dimension, type Filters } from '../contract/filters.ts';
import type { BreakdownRow as MetricRow, HeatCell, Summary } from '../contract/metrics.ts';
import type { Database } from '../db/database.ts';
import { queryStoreOf } from '../db/query-store.ts';
import { sqlText } from '../db/sql-files.ts';
import { rateByKey, type Headline, type RateMeasure } from '../semantic/measures.ts';
import { whereOf } from '../semantic/sql.ts';
import { breakdown, heatmap, runMetric, summary, type Settings } from '../metrics.ts';
import { decompose, type Decomposition, type SegmentCounts } from './decomposition.ts';
import { newcombeInterval, twoProportionZTest } from '../stats/index.ts';
import { weeklyAb, weeklyRecommendations, type AbView, type Recommendations, type Section } from './insights.ts';
import { addDays, localDateTime, shiftWeek, type IsoWeek } from './week.ts';

/** The report's filters: the standard ones without from/to (the week sets the period). */
export type ReportFilters = Omit<Filters, 'from' | 'to'>;

/** The summary fields the report reads (GET /api/summary's; the known-party ones optional). */
export type SummaryRow = Pick<
  Summary,
  | 'dials'
  | 'answered'
  | 'hangups'
  | 'earlyHangups'
  | 'rejected'
  | 'converted'
  | 'machineAnswered'
  | 'unknownParty'
  | 'firstDate'
  | 'lastDate'
  | 'connectRate'
  | 'connectRateCiLow'
  | 'connectRateCiHigh'
  | 'hangupRate'
  | 'ciLow'
  | 'ciHigh'
  | 'rejectionRate'
  | 'rejectionRateCiLow'
  | 'rejectionRateCiHigh'
  | 'conversionRate'
  | 'conversionRateCiLow'
  | 'conversionRateCiHigh'
  | 'unknownPartyShare'
> &
  Partial<
    Pick<
      Summary,
      | 'knownParty'
      | 'shortCalls'
      | 'shortCallRate'
      | 'shortCallRateCiLow'
      | 'shortCallRateCiHigh'
      | 'hangupRateCiLow'
      | 'hangupRateCiHigh'
      | 'headline'
    >
  >;

/**
 * The headline metric of a week (README, Metrics): the hang-up rate when at least half of the answered
 * calls have a known hang-up party, else the short-call rate. The server's `headline` when it
 * sends one; without `knownParty` (older summary.sql) the hang-up rate.
 */
export function headlineOf(s: SummaryRow): Headline {
  if (s.headline) return s.headline;
  if (s.knownParty === undefined || s.shortCallRate === undefined || !s.answered) return 'hangup';
  return s.knownParty / s.answered >= 0.5 ? 'hangup' : 'short';
}

/**
 * The rate a headline names, as the semantic layer defines it: the hang-up rate (early hang-ups
 * / known party) or the short-call rate (short calls / answered).
 */
export const headlineRate = (headline: Headline): RateMeasure =>
  rateByKey(headline === 'short' ? 'shortCallRate' : 'hangupRate');

/**
 * The metric fields a report table reads from a breakdown row or heatmap cell; `knownParty` (the
 * hang-up rate's denominator) and the short-call fields optional, as in SummaryRow.
 */
type RowMetrics = 'dials' | 'answered' | 'earlyHangups' | 'hangupRate' | 'ciLow' | 'ciHigh';
/** The rates' own denominators and the short-call rate (issue 9): optional, as rows built by hand may lack them. */
type HeadlineMetrics = 'knownParty' | 'shortCalls' | 'shortCallRate' | 'shortCallRateCiLow' | 'shortCallRateCiHigh';
export type BreakdownRow = Partial<Pick<MetricRow, HeadlineMetrics>> &
  Pick<
    MetricRow,
    | 'key'
    | RowMetrics
    | 'hangups'
    | 'rejected'
    | 'converted'
    | 'unknownParty'
    | 'connectRate'
    | 'rejectionRate'
    | 'conversionRate'
  >;
export type HeatmapCell = Pick<HeatCell, 'x' | 'y' | RowMetrics> & Partial<Pick<HeatCell, HeadlineMetrics>>;

export type KpiKey = 'dials' | 'connectRate' | 'hangupRate' | 'shortCallRate' | 'rejectionRate' | 'conversionRate';

export interface KpiPeriod {
  value: number | null;
  numerator: number;
  denominator: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface Kpi {
  key: KpiKey;
  kind: 'count' | 'rate';
  current: KpiPeriod;
  previous: KpiPeriod;
  /** current − previous (a rate difference in proportion units; for dials, a count). */
  change: number | null;
  /** For dials only: change / previous. */
  relativeChange: number | null;
  /** Newcombe 95% interval of the rate difference. */
  changeCiLow: number | null;
  changeCiHigh: number | null;
  /** Pooled two-proportion z-test, two-sided. */
  pValue: number | null;
  significant: boolean | null;
}

export const DECOMPOSITION_DIMENSIONS = ['segment', 'hour', 'caller_number'] as const satisfies readonly Dimension[];
export type DecompositionDimension = (typeof DECOMPOSITION_DIMENSIONS)[number];

export interface IngestFileRow {
  ingestId: number;
  fileName: string;
  format: string;
  status: string;
  message: string | null;
  rowsRead: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  ingestedAt: string;
}
export interface IngestSourceRow {
  ingestId: number;
  fileName: string | null;
  calls: number;
  rowsRead: number | null;
  rejected: number | null;
  ingestedAt: string | null;
}

export interface ReportData {
  week: IsoWeek;
  previousWeek: IsoWeek;
  filters: ReportFilters;
  settings: Settings;
  /** ISO instant, and the same as local time in the business timezone for people. */
  generatedAt: string;
  generatedLocal: string;
  current: SummaryRow;
  previous: SummaryRow;
  kpis: Kpi[];
  /** The rate the decompositions split: this week's headline rate. */
  decompositionRate: 'hangupRate' | 'shortCallRate';
  decompositions: { dimension: DecompositionDimension; result: Decomposition }[];
  /** Per local date, both weeks (14 dates at most; dates without calls are absent). */
  daily: BreakdownRow[];
  heatmap: HeatmapCell[];
  scripts: BreakdownRow[];
  ab: Section<AbView>;
  recommendations: Section<Recommendations>;
  /** The period the recommendations were computed over. */
  recommendationsPeriod: { from: string; to: string };
  ingestedThisWeek: IngestFileRow[];
  sources: IngestSourceRow[];
}

export const SIGNIFICANCE_LEVEL = 0.05;
/** Rates over fewer calls than this in their own denominator (known-party calls for the hang-up rate) are greyed out or not drawn (never read noise). */
export const MIN_DENOMINATOR = 30;

const finite = (x: number) => (Number.isFinite(x) ? x : null);

function rateKpi(key: KpiKey, cur: SummaryRow, prev: SummaryRow): Kpi {
  const pick = (s: SummaryRow): KpiPeriod => {
    switch (key) {
      case 'connectRate':
        return {
          value: s.connectRate,
          numerator: s.answered,
          denominator: s.dials,
          ciLow: s.connectRateCiLow,
          ciHigh: s.connectRateCiHigh,
        };
      // Over the known-party calls when the summary says how many.
      case 'hangupRate':
        return {
          value: s.hangupRate,
          numerator: s.earlyHangups,
          denominator: s.knownParty ?? s.answered,
          ciLow: s.hangupRateCiLow ?? s.ciLow,
          ciHigh: s.hangupRateCiHigh ?? s.ciHigh,
        };
      case 'shortCallRate':
        return {
          value: s.shortCallRate ?? null,
          numerator: s.shortCalls ?? 0,
          denominator: s.answered,
          ciLow: s.shortCallRateCiLow ?? null,
          ciHigh: s.shortCallRateCiHigh ?? null,
        };
      case 'rejectionRate':
        return {
          value: s.rejectionRate,
          numerator: s.rejected,
          denominator: s.dials,
          ciLow: s.rejectionRateCiLow,
          ciHigh: s.rejectionRateCiHigh,
        };
      case 'conversionRate':
        return {
          value: s.conversionRate,
          numerator: s.converted,
          denominator: s.answered,
          ciLow: s.conversionRateCiLow,
          ciHigh: s.conversionRateCiHigh,
        };
      default:
        throw new Error(`not a rate: ${key}`);
    }
  };
  const current = pick(cur);
  const previous = pick(prev);
  const ci = newcombeInterval(
    current.numerator,
    current.denominator ?? 0,
    previous.numerator,
    previous.denominator ?? 0,
  );
  const test = twoProportionZTest(
    { events: current.numerator, n: current.denominator ?? 0 },
    { events: previous.numerator, n: previous.denominator ?? 0 },
  );
  const pValue = finite(test.pValue);
  return {
    key,
    kind: 'rate',
    current,
    previous,
    change: finite(ci.difference),
    relativeChange: null,
    changeCiLow: finite(ci.lower),
    changeCiHigh: finite(ci.upper),
    pValue,
    significant: pValue === null ? null : pValue < SIGNIFICANCE_LEVEL,
  };
}

export function buildKpis(cur: SummaryRow, prev: SummaryRow): Kpi[] {
  const dials: Kpi = {
    key: 'dials',
    kind: 'count',
    current: { value: cur.dials, numerator: cur.dials, denominator: null, ciLow: null, ciHigh: null },
    previous: { value: prev.dials, numerator: prev.dials, denominator: null, ciLow: null, ciHigh: null },
    change: cur.dials - prev.dials,
    relativeChange: prev.dials > 0 ? cur.dials / prev.dials - 1 : null,
    changeCiLow: null,
    changeCiHigh: null,
    pValue: null,
    significant: null,
  };
  const rates: KpiKey[] =
    cur.shortCallRate !== undefined
      ? ['connectRate', 'hangupRate', 'shortCallRate', 'rejectionRate', 'conversionRate']
      : ['connectRate', 'hangupRate', 'rejectionRate', 'conversionRate'];
  return [dials, ...rates.map((k) => rateKpi(k, cur, prev))];
}

export interface GatherOptions {
  week: IsoWeek;
  filters: ReportFilters;
  settings: Settings;
  now?: Date;
  onProgress?: (step: string) => void;
}

export async function gatherReportData(db: Database, o: GatherOptions): Promise<ReportData> {
  const step = o.onProgress ?? (() => {});
  const { week, settings } = o;
  const previousWeek = shiftWeek(week, -1);
  const inWeek: Filters = { ...o.filters, from: week.from, to: week.to };
  const inPreviousWeek: Filters = { ...o.filters, from: previousWeek.from, to: previousWeek.to };
  const bothWeeks: Filters = { ...o.filters, from: previousWeek.from, to: week.to };
  const recommendationsPeriod = { from: addDays(week.to, -28), to: week.to };

  // The same functions, filters and settings as /api/summary, /api/breakdown and /api/heatmap.
  step('headline metrics');
  const [current, previous] = await Promise.all([summary(db, inWeek, settings), summary(db, inPreviousWeek, settings)]);

  step('mix vs rate decomposition');
  const decomposed = headlineRate(headlineOf(current));
  const decompositions = await Promise.all(
    DECOMPOSITION_DIMENSIONS.map(async (dimension) => ({
      dimension,
      result: decompose(await mixCounts(db, decomposed, dimension, bothWeeks, week.from, settings)),
    })),
  );

  step('daily trend, heatmap and opening lines');
  const [daily, cells, scripts] = await Promise.all([
    breakdown(db, 'date', bothWeeks, settings),
    heatmap(db, 'hour', 'weekday', inWeek, settings),
    breakdown(db, 'script', inWeek, settings),
  ]);

  step('A/B verdicts and recommendations');
  const [ab, recommendations] = await Promise.all([
    weeklyAb(db, inWeek, settings),
    weeklyRecommendations(db, { ...o.filters, ...recommendationsPeriod }, settings),
  ]);

  step('data quality');
  const [ingestedThisWeek, sources] = await Promise.all([
    db.query<IngestFileRow>(
      sqlText('report_ingest_week'),
      { from: week.from, to: week.to, business_tz: settings.timezone },
      { from: VARCHAR, to: VARCHAR, business_tz: VARCHAR },
    ),
    sourceFiles(db, inWeek, settings),
  ]);

  return {
    week,
    previousWeek,
    filters: o.filters,
    settings,
    generatedAt: (o.now ?? new Date()).toISOString(),
    generatedLocal: localDateTime(o.now ?? new Date(), settings.timezone),
    current,
    previous,
    kpis: buildKpis(current, previous),
    decompositionRate: decomposed.key as ReportData['decompositionRate'],
    decompositions,
    daily,
    heatmap: cells,
    scripts,
    ab,
    recommendations,
    recommendationsPeriod,
    ingestedThisWeek,
    sources,
  };
}

/**
 * Inputs of the decomposition of `rate`'s change along `dimension`: per value, the rate's
 * denominator and numerator as the semantic layer defines them (known-party answered calls and
 * early hang-ups for the hang-up rate; answered calls and short calls for the short-call rate),
 * before and from `split`. One metric query grouped by value and date (a rollup holds both),
 * summed per week here; values with no call in the denominator in either week are left out, as
 * they have no rate to decompose.
 */
async function mixCounts(
  db: Database,
  rate: RateMeasure,
  dimension: Dimension,
  bothWeeks: Filters,
  split: string,
  settings: Settings,
): Promise<SegmentCounts[]> {
  const { rows } = await runMetric<MetricRow & { date: string }>(db, settings, {
    groups: [
      { alias: 'key', column: DIMENSION_COLUMNS[dimension] },
      { alias: 'date', column: DIMENSION_COLUMNS.date },
    ],
    filters: bothWeeks,
    orderBy: ['key', 'date'],
  });
  const count = (r: MetricRow, key: string) => Number((r as unknown as Record<string, number | null>)[key] ?? 0);
  const byKey = new Map<string | number | null, SegmentCounts>();
  for (const r of rows) {
    let c = byKey.get(r.key);
    if (!c) byKey.set(r.key, (c = { key: r.key, n0: 0, k0: 0, n1: 0, k1: 0 }));
    if (String(r.date) < split) {
      c.n0 += count(r, rate.denominator);
      c.k0 += count(r, rate.numerator);
    } else {
      c.n1 += count(r, rate.denominator);
      c.k1 += count(r, rate.numerator);
    }
  }
  return [...byKey.values()].filter((c) => c.n0 + c.n1 > 0);
}

/**
 * The files that supplied the week's filtered calls: the calls per ingest are counted where the
 * calls are (the query store: DuckDB or ClickHouse) with the semantic layer's WHERE for the
 * filters; a plain count, as no rollup keeps the ingest id and the metric template's every-count
 * aggregate costs several times as much over a week of calls. Names and counts of the files
 * come from the ingest log (the control store).
 */
async function sourceFiles(db: Database, inWeek: Filters, settings: Settings): Promise<IngestSourceRow[]> {
  const q = queryStoreOf(db); // DuckDB, or ClickHouse under serve --clickhouse
  const d = q.dialect;
  const { where, params } = whereOf(d, inWeek);
  const conditions = [...q.calls.where, ...where];
  const id = d.ident('ingest_id');
  const sql =
    `SELECT ${id} AS ${id}, ${d.countAll()} AS ${d.ident('calls')} FROM ${q.calls.from}` +
    `${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} GROUP BY ${id} ORDER BY ${id}`;
  const [rows, files] = await Promise.all([
    q.run<{ ingest_id: number | string; calls: number | string }>(sql, params),
    db.query<Omit<IngestSourceRow, 'calls'>>(
      sqlText('report_ingest_sources'),
      { business_tz: settings.timezone },
      { business_tz: VARCHAR },
    ),
  ]);
  const byId = new Map(files.map((f) => [Number(f.ingestId), f]));
  return rows.map((r) => {
    const ingestId = Number(r.ingest_id);
    const f = byId.get(ingestId);
    return {
      ingestId,
      fileName: f?.fileName ?? null,
      calls: Number(r.calls),
      rowsRead: f?.rowsRead ?? null,
      rejected: f?.rejected ?? null,
      ingestedAt: f?.ingestedAt ?? null,
    };
  });
}
