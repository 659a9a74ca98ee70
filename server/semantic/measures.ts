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

/** A count entry: its response key, the flag it counts, its rollup column and its label. */
const count = <K extends string, F extends FlagColumn | null, C extends string>(
  key: K,
  flag: F,
  rollupColumn: C,
  en: string,
  zh: string,
) => ({ key, flag, rollupColumn, labelKey: `metric.${key}` as const, label: { en, zh } });

export const COUNTS = [
  count('dials', null, 'dials', 'Dials', '拨打数'),
  count('answered', 'is_answered', 'answered', 'Answered', '接通数'),
  count('hangups', 'is_callee_hangup', 'hangups', 'Callee hang-ups', '对方挂断数'),
  count('earlyHangups', 'is_early_hangup', 'early_hangups', 'Early hang-ups', '早挂断数'),
  count('rejected', 'is_rejected', 'rejected', 'Rejected', '拒接数'),
  count('converted', 'is_converted', 'converted', 'Converted', '转化数'),
  count('machineAnswered', 'is_machine', 'machine_answered', 'Answered by a machine', '机器接听数'),
  count('knownParty', 'is_known_party', 'known_party', 'Answered, hang-up party known', '已知挂机方的接通数'),
  count('shortCalls', 'is_short', 'short_calls', 'Short calls', '短通话数'),
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

/**
 * A rate entry: numerator / denominator with Wilson 95% bounds named `<key>CiLow` / `<key>CiHigh`
 * (`bounds: false`: the rate travels without them), and the label.
 */
function rate<K extends string, N extends CountKey | DerivedCountKey, D extends CountKey, B extends boolean>(
  key: K,
  numerator: N,
  denominator: D,
  upIsGood: boolean,
  en: string,
  zh: string,
  withBounds: B,
) {
  const bounds = (withBounds ? [`${key}CiLow`, `${key}CiHigh`] : null) as B extends true
    ? [`${K}CiLow`, `${K}CiHigh`]
    : null;
  const meta: RateMeta = { format: 'percent', upIsGood, labelKey: `metric.${key}`, label: { en, zh } };
  return { key, numerator, denominator, bounds, ...meta };
}
type RateMeta = { format: 'percent'; upIsGood: boolean; labelKey: string; label: Label };

export const RATES = [
  rate('connectRate', 'answered', 'dials', true, 'Connect rate', '接通率', true),
  // Headline: over answered calls whose hang-up party is known (README, Metrics); null, never 0, without them.
  // Its bounds are also sent under their older names ciLow / ciHigh (one release).
  {
    ...rate('hangupRate', 'earlyHangups', 'knownParty', false, 'Hang-up rate', '挂断率', true),
    aliases: ['ciLow', 'ciHigh'] as ['ciLow', 'ciHigh'],
  },
  rate('shortCallRate', 'shortCalls', 'answered', false, 'Short-call rate', '通话不足 T 秒占比', true),
  rate('rejectionRate', 'rejected', 'dials', false, 'Rejection rate', '拒接率', true),
  rate('conversionRate', 'converted', 'answered', true, 'Conversion rate', '转化率', true),
  rate('unknownPartyShare', 'unknownParty', 'answered', false, 'Hang-up party unknown', '挂机方未知占比', false),
] as const satisfies readonly RateMeasure[];
export type RateKey = (typeof RATES)[number]['key'];

/** Headline rule (README, Metrics): the hang-up rate when at least this share of answered calls has a known party. */
export const HEADLINE_MIN_KNOWN_SHARE = 0.5;
export type Headline = 'hangup' | 'short';

export const countByKey = (k: CountKey) => COUNTS.find((c) => c.key === k)! as CountMeasure;
export const rateByKey = (k: RateKey) => RATES.find((r) => r.key === k)! as RateMeasure;
