/**
 * Gathers every number of one weekly report. All of them come from queries/*.sql (the same
 * files the API runs) or from the insight modules; nothing is computed from raw rows here
 * except the pure statistics on the counts those queries return.
 */
import { VARCHAR } from '@duckdb/node-api';
import { DIMENSION_COLUMNS, type Dimension, type Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { filterParams } from '../db/filter-params.ts';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import { breakdownSql, heatmapSql, type Settings } from '../metrics.ts';
import { decompose, type Decomposition } from './decomposition.ts';
import { newcombeInterval, twoProportionZTest } from '../stats/index.ts';
import { weeklyAb, weeklyRecommendations, type AbView, type Recommendations, type Section } from './insights.ts';
import { addDays, localDateTime, shiftWeek, type IsoWeek } from './week.ts';

/** The report's filters: the standard ones without from/to (the week sets the period). */
export type ReportFilters = Omit<Filters, 'from' | 'to'>;

export interface SummaryRow {
  dials: number;
  answered: number;
  hangups: number;
  earlyHangups: number;
  rejected: number;
  converted: number;
  machineAnswered: number;
  unknownParty: number;
  firstDate: string | null;
  lastDate: string | null;
  connectRate: number | null;
  connectRateCiLow: number | null;
  connectRateCiHigh: number | null;
  hangupRate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  rejectionRate: number | null;
  rejectionRateCiLow: number | null;
  rejectionRateCiHigh: number | null;
  conversionRate: number | null;
  conversionRateCiLow: number | null;
  conversionRateCiHigh: number | null;
  unknownPartyShare: number | null;
  // The summary's known-party fields: optional in the type.
  knownParty?: number;
  shortCalls?: number;
  shortCallRate?: number | null;
  shortCallRateCiLow?: number | null;
  shortCallRateCiHigh?: number | null;
  hangupRateCiLow?: number | null;
  hangupRateCiHigh?: number | null;
  headline?: 'hangup' | 'short';
}

/**
 * The headline metric of a week (README, Metrics): the hang-up rate when at least half of the answered
 * calls have a known hang-up party, else the short-call rate. The server's `headline` when it
 * sends one; without `knownParty` (older summary.sql) the hang-up rate.
 */
export function headlineOf(s: SummaryRow): 'hangup' | 'short' {
  if (s.headline) return s.headline;
  if (s.knownParty === undefined || s.shortCallRate === undefined || !s.answered) return 'hangup';
  return s.knownParty / s.answered >= 0.5 ? 'hangup' : 'short';
}

export interface BreakdownRow {
  key: string | number | null;
  dials: number;
  answered: number;
  hangups: number;
  earlyHangups: number;
  rejected: number;
  converted: number;
  unknownParty: number;
  connectRate: number | null;
  hangupRate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  rejectionRate: number | null;
  conversionRate: number | null;
}

export interface HeatmapCell {
  x: number | string | null;
  y: number | string | null;
  dials: number;
  answered: number;
  earlyHangups: number;
  hangupRate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

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
/** Rates over fewer answered calls than this are greyed out (never read noise). */
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
  const bothWeeks: Filters = { ...o.filters, from: previousWeek.from, to: week.to };
  const recommendationsPeriod = { from: addDays(week.to, -28), to: week.to };

  // The same SQL and parameters as /api/summary, /api/breakdown and /api/heatmap.
  const run = <T>(sql: string, f: Filters) => {
    const { params, types } = filterParams(f, settings.earlySeconds);
    return db.query<T>(sql, params, types);
  };

  step('headline metrics');
  const [[current], [previous]] = await Promise.all([
    run<SummaryRow>(sqlText('summary'), inWeek),
    run<SummaryRow>(sqlText('summary'), { ...o.filters, from: previousWeek.from, to: previousWeek.to }),
  ]);

  step('mix vs rate decomposition');
  const { params, types } = filterParams(bothWeeks, settings.earlySeconds);
  const decompositions = await Promise.all(
    DECOMPOSITION_DIMENSIONS.map(async (dimension) => {
      const sql = renderIdentifiers(sqlText('report_mix'), { dim: DIMENSION_COLUMNS[dimension] });
      const rows = await db.query<{ key: string | number | null; n0: number; k0: number; n1: number; k1: number }>(
        sql,
        { ...params, split: week.from },
        { ...types, split: VARCHAR },
      );
      return { dimension, result: decompose(rows) };
    }),
  );

  step('daily trend, heatmap and opening lines');
  const [daily, cells, scripts] = await Promise.all([
    run<BreakdownRow>(breakdownSql('date'), bothWeeks),
    run<HeatmapCell>(heatmapSql('hour', 'weekday'), inWeek),
    run<BreakdownRow>(breakdownSql('script'), inWeek),
  ]);

  step('A/B verdicts and recommendations');
  const [ab, recommendations] = await Promise.all([
    weeklyAb(db, inWeek, settings),
    weeklyRecommendations(db, { ...o.filters, ...recommendationsPeriod }, settings),
  ]);

  step('data quality');
  const wk = filterParams(inWeek, settings.earlySeconds);
  const [ingestedThisWeek, sources] = await Promise.all([
    db.query<IngestFileRow>(
      sqlText('report_ingest_week'),
      { from: week.from, to: week.to, business_tz: settings.timezone },
      { from: VARCHAR, to: VARCHAR, business_tz: VARCHAR },
    ),
    db.query<IngestSourceRow>(
      sqlText('report_ingest_sources'),
      { ...wk.params, business_tz: settings.timezone },
      { ...wk.types, business_tz: VARCHAR },
    ),
  ]);

  return {
    week,
    previousWeek,
    filters: o.filters,
    settings,
    generatedAt: (o.now ?? new Date()).toISOString(),
    generatedLocal: localDateTime(o.now ?? new Date(), settings.timezone),
    current: current!,
    previous: previous!,
    kpis: buildKpis(current!, previous!),
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
