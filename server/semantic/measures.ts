/**
 * The semantic layer: every number the product shows is defined here once (README, "Metric
 * definitions"). From these lists come the metric SQL (sql.ts), the stored flags and rollup
 * columns (flags.ts, rollups.ts), the response types (server/contract/metrics.ts) and the labels.
 * Pure data: no database import, so the web app can read it too.
 */

/**
 * Stored BOOLEAN columns of `calls`, one per condition a count measures. `sql` is the definition
 * over canonical columns (DuckDB/ANSI spelling; `$T` is the early-seconds setting). ingest_insert.sql
 * and the re-derivation apply exactly these (test/queries/semantic.test.ts checks the text).
 * Each is true or false, never NULL (coalesce), so FILTER and sums count it right.
 */
export const FLAGS = {
  is_answered: `disposition = 'answered'`,
  is_rejected: `disposition = 'rejected'`,
  is_converted: `disposition = 'answered' AND coalesce(outcome = 'converted', false)`,
  is_machine: `disposition = 'answered' AND coalesce(answered_by = 'machine', false)`,
  is_known_party: `disposition = 'answered' AND hangup_by IS NOT NULL`,
  is_callee_hangup: `disposition = 'answered' AND coalesce(hangup_by = 'callee', false)`,
  is_early_hangup: `disposition = 'answered' AND coalesce(hangup_by = 'callee', false) AND talk_seconds < $T`,
  is_short: `disposition = 'answered' AND talk_seconds < $T`,
} as const;
export type FlagColumn = keyof typeof FLAGS;
/** Flags that depend on the early-seconds setting T (re-derived when T changes). */
export const T_FLAGS: readonly FlagColumn[] = ['is_early_hangup', 'is_short'];

export interface Label {
  en: string;
  zh: string;
}

/** An additive count: rows of the view where `flag` holds (null flag = every row). */
export interface CountMeasure {
  key: string;
  /** The stored flag counted; null = count(*). */
  flag: FlagColumn | null;
  /** The column holding this count in rollup tables. */
  rollupColumn: string;
  labelKey: string;
  label: Label;
}

export const COUNTS = [
  { key: 'dials', flag: null, rollupColumn: 'dials', labelKey: 'metric.dials', label: { en: 'Dials', zh: '拨打数' } },
  {
    key: 'answered',
    flag: 'is_answered',
    rollupColumn: 'answered',
    labelKey: 'metric.answered',
    label: { en: 'Answered', zh: '接通数' },
  },
  {
    key: 'hangups',
    flag: 'is_callee_hangup',
    rollupColumn: 'hangups',
    labelKey: 'metric.hangups',
    label: { en: 'Callee hang-ups', zh: '对方挂断数' },
  },
  {
    key: 'earlyHangups',
    flag: 'is_early_hangup',
    rollupColumn: 'early_hangups',
    labelKey: 'metric.earlyHangups',
    label: { en: 'Early hang-ups', zh: '早挂断数' },
  },
  {
    key: 'rejected',
    flag: 'is_rejected',
    rollupColumn: 'rejected',
    labelKey: 'metric.rejected',
    label: { en: 'Rejected', zh: '拒接数' },
  },
  {
    key: 'converted',
    flag: 'is_converted',
    rollupColumn: 'converted',
    labelKey: 'metric.converted',
    label: { en: 'Converted', zh: '转化数' },
  },
  {
    key: 'machineAnswered',
    flag: 'is_machine',
    rollupColumn: 'machine_answered',
    labelKey: 'metric.machineAnswered',
    label: { en: 'Answered by a machine', zh: '机器接听数' },
  },
  {
    key: 'knownParty',
    flag: 'is_known_party',
    rollupColumn: 'known_party',
    labelKey: 'metric.knownParty',
    label: { en: 'Answered, hang-up party known', zh: '已知挂机方的接通数' },
  },
  {
    key: 'shortCalls',
    flag: 'is_short',
    rollupColumn: 'short_calls',
    labelKey: 'metric.shortCalls',
    label: { en: 'Short calls', zh: '短通话数' },
  },
] as const satisfies readonly CountMeasure[];
export type CountKey = (typeof COUNTS)[number]['key'];

/** Counts computed from other counts after aggregation (never stored). */
export const DERIVED_COUNTS = [
  {
    key: 'unknownParty',
    minus: ['answered', 'knownParty'],
    labelKey: 'metric.unknownParty',
    label: { en: 'Answered, hang-up party unknown', zh: '未知挂机方的接通数' },
  },
] as const satisfies readonly { key: string; minus: [CountKey, CountKey]; labelKey: string; label: Label }[];
export type DerivedCountKey = (typeof DERIVED_COUNTS)[number]['key'];

export interface RateMeasure {
  key: string;
  numerator: CountKey | DerivedCountKey;
  denominator: CountKey;
  /** Names of the Wilson 95% bounds in responses (null = the rate travels without bounds). */
  bounds: [string, string] | null;
  /** Older names of the bounds, kept as aliases (one release). */
  aliases?: [string, string];
  format: 'percent';
  /** Whether a higher value is good news (colours, arrows, report wording). */
  upIsGood: boolean;
  labelKey: string;
  label: Label;
}

export const RATES = [
  {
    key: 'connectRate',
    numerator: 'answered',
    denominator: 'dials',
    bounds: ['connectRateCiLow', 'connectRateCiHigh'],
    format: 'percent',
    upIsGood: true,
    labelKey: 'metric.connectRate',
    label: { en: 'Connect rate', zh: '接通率' },
  },
  // Headline: over answered calls whose hang-up party is known (README, Metrics); null, never 0, without them.
  {
    key: 'hangupRate',
    numerator: 'earlyHangups',
    denominator: 'knownParty',
    bounds: ['hangupRateCiLow', 'hangupRateCiHigh'],
    aliases: ['ciLow', 'ciHigh'],
    format: 'percent',
    upIsGood: false,
    labelKey: 'metric.hangupRate',
    label: { en: 'Hang-up rate', zh: '挂断率' },
  },
  {
    key: 'shortCallRate',
    numerator: 'shortCalls',
    denominator: 'answered',
    bounds: ['shortCallRateCiLow', 'shortCallRateCiHigh'],
    format: 'percent',
    upIsGood: false,
    labelKey: 'metric.shortCallRate',
    label: { en: 'Short-call rate', zh: '通话不足 T 秒占比' },
  },
  {
    key: 'rejectionRate',
    numerator: 'rejected',
    denominator: 'dials',
    bounds: ['rejectionRateCiLow', 'rejectionRateCiHigh'],
    format: 'percent',
    upIsGood: false,
    labelKey: 'metric.rejectionRate',
    label: { en: 'Rejection rate', zh: '拒接率' },
  },
  {
    key: 'conversionRate',
    numerator: 'converted',
    denominator: 'answered',
    bounds: ['conversionRateCiLow', 'conversionRateCiHigh'],
    format: 'percent',
    upIsGood: true,
    labelKey: 'metric.conversionRate',
    label: { en: 'Conversion rate', zh: '转化率' },
  },
  {
    key: 'unknownPartyShare',
    numerator: 'unknownParty',
    denominator: 'answered',
    bounds: null,
    format: 'percent',
    upIsGood: false,
    labelKey: 'metric.unknownPartyShare',
    label: { en: 'Hang-up party unknown', zh: '挂机方未知占比' },
  },
] as const satisfies readonly RateMeasure[];
export type RateKey = (typeof RATES)[number]['key'];

/** Headline rule (README, Metrics): the hang-up rate when at least this share of answered calls has a known party. */
export const HEADLINE_MIN_KNOWN_SHARE = 0.5;
export type Headline = 'hangup' | 'short';

export const countByKey = (k: CountKey) => COUNTS.find((c) => c.key === k)! as CountMeasure;
export const rateByKey = (k: RateKey) => RATES.find((r) => r.key === k)! as RateMeasure;
