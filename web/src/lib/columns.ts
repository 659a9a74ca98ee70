import type { RateColumnFields } from '../../../server/contract/columns.ts';
import { rateByKey } from '../../../server/semantic/measures.ts';
import type { MetricFields } from './api-types.ts';
import { MEASURES, METRIC_TEXT, type RateMetric } from './charts/measures.ts';
import type { MessageKey } from './i18n.ts';

/** pp: a difference of rates shown in percentage points; p: a p-value; prob: a probability. */
export type ColumnKind = 'text' | 'int' | 'pct' | 'pp' | 'p' | 'prob' | 'ratio' | 'datetime';

/** Kinds shown right-aligned (numbers). */
export const NUMERIC_KINDS: readonly ColumnKind[] = ['int', 'pct', 'pp', 'p', 'prob', 'ratio'];

/** A column of a table view and of its CSV: how to read the value and how to show it. */
export interface Column<R> {
  key: string;
  label: string;
  kind: ColumnKind;
  value: (row: R) => string | number | null;
  /** Greys the cell, e.g. a rate on too few calls. */
  muted?: (row: R) => boolean;
  /** How the table shows the value, when its kind's format does not fit (the CSV keeps `value`). */
  display?: (row: R) => string;
  /** Short text with spaces that may take two lines (a format, a zone and its note), so a wide table fits its card. */
  wrap?: boolean;
  /** Sentences, not a value: shown on a line under the row across the table's width (a phone: under the card), not as a column. */
  prose?: boolean;
}

/** The fields every rate row (breakdown row or heatmap cell) carries. */
export interface RateFields extends RateColumnFields {
  connectRate: number | null;
  rejectionRate?: number | null;
  /** Agent and caller-number rows: the empirical-Bayes shrunk rate and its credible interval. */
  shrunkRate?: number | null;
  shrunkCiLow?: number | null;
  shrunkCiHigh?: number | null;
}

/**
 * The standard numeric columns of a rate row: the rate shown (the hang-up rate unless `metric`
 * says otherwise, e.g. the view's headline) next to its numerator, its own denominator and its
 * interval, so no rate is ever shown without its sample size. Each rate is greyed on its own
 * denominator: the hang-up rate on the known-party calls (an agent with 40 answered calls of which
 * 3 say who hung up has a hang-up rate over 3), the short-call rate on the answered calls, the
 * connect and rejection rates on the dials.
 */
export function rateColumns<R extends RateFields>(
  t: (k: MessageKey) => string,
  minSample: number,
  opts: { metric?: RateMetric; rejection?: boolean; shrunk?: boolean } = {},
): Column<R>[] {
  const metric = opts.metric ?? 'hangupRate';
  const words = METRIC_TEXT[metric];
  // Rows are breakdown rows, heatmap cells or A/B arms: each carries the shown rate's fields.
  const read = (r: R) => r as unknown as MetricFields;
  const m = MEASURES[metric];
  const small = (r: R) => m.small(read(r), minSample);
  const fewDials = (r: R) => MEASURES.connectRate.small(read(r), minSample);
  // The rate and its interval first (after the key): the answer, then how sure, then the counts.
  const cols: Column<R>[] = [
    { key: metric, label: t(words.label), kind: 'pct', value: (r) => m.rate(read(r)), muted: small },
    { key: 'ciLow', label: t('metric.ciLow'), kind: 'pct', value: (r) => m.low(read(r)), muted: small },
    { key: 'ciHigh', label: t('metric.ciHigh'), kind: 'pct', value: (r) => m.high(read(r)), muted: small },
  ];
  if (opts.shrunk) {
    // Next to the raw rate, not muted: shrinkage is what makes a small sample readable.
    cols.push(
      { key: 'shrunkRate', label: t('metric.shrunkRate'), kind: 'pct', value: (r) => r.shrunkRate ?? null },
      { key: 'shrunkCiLow', label: t('metric.shrunkLow'), kind: 'pct', value: (r) => r.shrunkCiLow ?? null },
      { key: 'shrunkCiHigh', label: t('metric.shrunkHigh'), kind: 'pct', value: (r) => r.shrunkCiHigh ?? null },
    );
  }
  // Numerator and denominator of the rate shown, then the answered calls and dials behind them.
  const { numerator, denominator } = rateByKey(metric);
  const counts = [...new Set([numerator, denominator, 'answered', 'dials'] as const)];
  const count = (key: (typeof counts)[number]): Column<R> => ({
    key,
    label: t(`metric.${key}` as MessageKey),
    kind: 'int',
    value: (r) => read(r)[key],
  });
  cols.push(...counts.map(count));
  if (metric !== 'connectRate')
    cols.push({
      key: 'connectRate',
      label: t('metric.connectRate'),
      kind: 'pct',
      value: (r) => r.connectRate,
      muted: fewDials,
    });
  if (opts.rejection)
    cols.push({
      key: 'rejectionRate',
      label: t('metric.rejectionRate'),
      kind: 'pct',
      value: (r) => r.rejectionRate ?? null,
      muted: fewDials,
    });
  return cols;
}
