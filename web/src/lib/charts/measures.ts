import type { HeatCell, MetricFields, RateRow } from '../api-types.ts';
import type { MessageKey } from '../i18n.ts';
import { RATES, rateByKey } from '../../../../server/semantic/measures.ts';
import { centeredRange } from './palette.ts';
import { MIN_SAMPLE } from './theme.ts';

/** The semantic layer's rates that travel with Wilson bounds (all but the unknown-party share). */
type Rated = Exclude<(typeof RATES)[number], { bounds: null }>;
export type RatedKey = Rated['key'];

/** The rates a map or a metric switch can show. */
export type RateMetric = 'hangupRate' | 'connectRate' | 'shortCallRate';
export const RATE_METRICS: readonly RateMetric[] = ['hangupRate', 'shortCallRate', 'connectRate'];
/** `metric=` in the URL: absent = the hang-up rate. */
export const METRIC_PARAM: Record<RateMetric, string | null> = {
  hangupRate: null,
  shortCallRate: 'short',
  connectRate: 'connect',
};
export const metricFromParam = (p: string | null): RateMetric =>
  p === 'connect' ? 'connectRate' : p === 'short' ? 'shortCallRate' : 'hangupRate';

/** How a rate is read off a result row (summary, breakdown row, heatmap cell): value, interval, numerator and denominator. */
export interface Measure<K extends RatedKey = RatedKey> {
  key: K;
  /** The count the rate is over, as the semantic layer names it (knownParty for the hang-up rate). */
  denominator: Rated['denominator'];
  /** Whether a higher value is good news. */
  upIsGood: boolean;
  rate(r: MetricFields): number | null;
  low(r: MetricFields): number | null;
  high(r: MetricFields): number | null;
  num(r: MetricFields): number;
  den(r: MetricFields): number;
  /**
   * Too few calls behind the rate to read it: its own denominator below `min` (MIN_SAMPLE). The
   * one rule every table, chart and KPI card greys a rate by.
   */
  small(r: MetricFields, min?: number): boolean;
}

/** A rate of the semantic layer read off a row: its numerator, denominator and bounds as defined there. */
export function measureOf<K extends RatedKey>(key: K): Measure<K> {
  const def = RATES.find((d): d is Rated => d.key === key)!;
  const [lo, hi] = def.bounds;
  const den = (r: MetricFields) => r[def.denominator];
  return {
    key,
    denominator: def.denominator,
    upIsGood: def.upIsGood,
    rate: (r) => r[def.key],
    low: (r) => r[lo],
    high: (r) => r[hi],
    num: (r) => r[def.numerator],
    den,
    small: (r, min = MIN_SAMPLE) => den(r) < min,
  };
}

// Hang-up rate = early hang-ups / known party; short-call rate = calls shorter than T s /
// answered; connect rate = answered / dials (README, Metrics; server/semantic/measures.ts).
export const MEASURES: Record<RateMetric, Measure> = {
  hangupRate: measureOf('hangupRate'),
  shortCallRate: measureOf('shortCallRate'),
  connectRate: measureOf('connectRate'),
};

/** Rows as the points of a rate line: the rate, its interval and its denominator (hollow when small). */
export function measurePoints<R extends HeatCell | RateRow>(
  rows: readonly R[],
  m: Measure,
  x: (r: R) => string | number,
) {
  return rows.map((r) => ({ x: x(r), rate: m.rate(r), low: m.low(r), high: m.high(r), n: m.den(r) }));
}

/** The words of a metric: its name, numerator, denominator, the unit of the small-sample note and the /when title. */
export interface MetricWords {
  label: MessageKey;
  num: MessageKey;
  den: MessageKey;
  unit: MessageKey;
  title: MessageKey;
}

/**
 * A metric's words, its counts named as the semantic layer defines them: the hang-up rate's
 * denominator is "Known party" and its small-sample unit "answered calls that say who hung up"
 * (cells are greyed on that count, so the legend names it), the short-call rate's "Answered",
 * the connect rate's "Dials".
 */
function wordsOf(metric: RateMetric, title: MessageKey): MetricWords {
  const def = rateByKey(metric);
  return {
    label: def.labelKey as MessageKey,
    num: `metric.${def.numerator}` as MessageKey,
    den: `metric.${def.denominator}` as MessageKey,
    unit: `sample.${def.denominator}` as MessageKey,
    title,
  };
}

export const METRIC_TEXT: Record<RateMetric, MetricWords> = {
  hangupRate: wordsOf('hangupRate', 'when.title'),
  shortCallRate: wordsOf('shortCallRate', 'when.titleShort'),
  connectRate: wordsOf('connectRate', 'when.titleConnect'),
};

/** Whether the server sent the short-call fields (the semantic branch); the switch hides the option until then. */
export const hasShortCalls = (rows: readonly object[]) =>
  rows.some((r) => (r as Partial<HeatCell>).shortCallRate !== undefined);

/** The rate over all the rows together (Σ numerator / Σ denominator): the view's overall rate. */
export function pooled(rows: readonly (HeatCell | RateRow)[], metric: RateMetric): number | null {
  const m = MEASURES[metric];
  let num = 0;
  let den = 0;
  for (const r of rows) {
    if (m.rate(r) === null) continue;
    num += m.num(r);
    den += m.den(r);
  }
  return den > 0 ? num / den : null;
}

/**
 * One colour scale for a set of maps: centred on `center` (default: the pooled rate of the rows),
 * wide enough for every readable cell of every map, so the combined map and the per-segment
 * panels use the same colours for the same rate.
 */
export function mapRange(
  rows: readonly (HeatCell | RateRow)[],
  metric: RateMetric,
  minSample: number,
  center?: number | null,
): [number, number] {
  const m = MEASURES[metric];
  const rates = rows.filter((r) => m.den(r) >= minSample && m.rate(r) !== null).map((r) => m.rate(r)!);
  return centeredRange(rates, center ?? pooled(rows, metric));
}
