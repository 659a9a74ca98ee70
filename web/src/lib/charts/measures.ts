import type { HeatCell, RateRow } from '../api-types.ts';
import type { MessageKey } from '../i18n.ts';
import { centeredRange } from './palette.ts';

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

/** How a rate is read off a result row: value, interval, numerator and denominator. */
export interface Measure {
  rate(r: HeatCell | RateRow): number | null;
  low(r: HeatCell | RateRow): number | null;
  high(r: HeatCell | RateRow): number | null;
  num(r: HeatCell | RateRow): number;
  den(r: HeatCell | RateRow): number;
}

export const MEASURES: Record<RateMetric, Measure> = {
  // Hang-up rate = early hang-ups / known party (README, Metrics).
  hangupRate: {
    rate: (r) => r.hangupRate,
    low: (r) => r.hangupRateCiLow,
    high: (r) => r.hangupRateCiHigh,
    num: (r) => r.earlyHangups,
    den: (r) => r.knownParty,
  },
  // Short-call rate = answered calls shorter than T s, whoever hung up / answered.
  shortCallRate: {
    rate: (r) => r.shortCallRate,
    low: (r) => r.shortCallRateCiLow,
    high: (r) => r.shortCallRateCiHigh,
    num: (r) => r.shortCalls,
    den: (r) => r.answered,
  },
  // Connect rate = answered / dials.
  connectRate: {
    rate: (r) => r.connectRate,
    low: (r) => r.connectRateCiLow,
    high: (r) => r.connectRateCiHigh,
    num: (r) => r.answered,
    den: (r) => r.dials,
  },
};

/** The words of each metric: its name, numerator, denominator and the unit of the small-sample note. */
export const METRIC_TEXT: Record<
  RateMetric,
  { label: MessageKey; num: MessageKey; den: MessageKey; unit: MessageKey; title: MessageKey }
> = {
  hangupRate: {
    label: 'metric.hangupRate',
    num: 'metric.earlyHangups',
    den: 'metric.answered',
    unit: 'sample.answered',
    title: 'when.title',
  },
  shortCallRate: {
    label: 'metric.shortCallRate',
    num: 'metric.shortCalls',
    den: 'metric.answered',
    unit: 'sample.answered',
    title: 'when.titleShort',
  },
  connectRate: {
    label: 'metric.connectRate',
    num: 'metric.answered',
    den: 'metric.dials',
    unit: 'sample.dials',
    title: 'when.titleConnect',
  },
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

/**
 * The words of a metric for these rows: once the server sends `knownParty`, the
 * hang-up rate's denominator is the answered calls whose hang-up party is known, and says so.
 */
export function metricText(metric: RateMetric, rows: readonly object[]) {
  const text = METRIC_TEXT[metric];
  const known = metric === 'hangupRate' && rows.some((r) => (r as Partial<HeatCell>).knownParty !== undefined);
  return known ? { ...text, den: 'metric.knownParty' as MessageKey } : text;
}
