import type { RateColumnFields } from '../../../server/contract/columns.ts';
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
 * The standard numeric columns of a rate row: every rate next to its numerator, denominator
 * and interval, so no rate is ever shown without its sample size.
 */
export function rateColumns<R extends RateFields>(
  t: (k: MessageKey) => string,
  minSample: number,
  opts: { rejection?: boolean; shrunk?: boolean } = {},
): Column<R>[] {
  const small = (r: R) => r.answered < minSample;
  // The rate and its interval first (after the key): the answer, then how sure, then the counts.
  const cols: Column<R>[] = [
    { key: 'hangupRate', label: t('metric.hangupRate'), kind: 'pct', value: (r) => r.hangupRate, muted: small },
    { key: 'ciLow', label: t('metric.ciLow'), kind: 'pct', value: (r) => r.ciLow, muted: small },
    { key: 'ciHigh', label: t('metric.ciHigh'), kind: 'pct', value: (r) => r.ciHigh, muted: small },
  ];
  if (opts.shrunk) {
    // Next to the raw rate, not muted: shrinkage is what makes a small sample readable.
    cols.push(
      { key: 'shrunkRate', label: t('metric.shrunkRate'), kind: 'pct', value: (r) => r.shrunkRate ?? null },
      { key: 'shrunkCiLow', label: t('metric.shrunkLow'), kind: 'pct', value: (r) => r.shrunkCiLow ?? null },
      { key: 'shrunkCiHigh', label: t('metric.shrunkHigh'), kind: 'pct', value: (r) => r.shrunkCiHigh ?? null },
    );
  }
  cols.push(
    { key: 'answered', label: t('metric.answered'), kind: 'int', value: (r) => r.answered },
    { key: 'earlyHangups', label: t('metric.earlyHangups'), kind: 'int', value: (r) => r.earlyHangups },
    { key: 'dials', label: t('metric.dials'), kind: 'int', value: (r) => r.dials },
    { key: 'connectRate', label: t('metric.connectRate'), kind: 'pct', value: (r) => r.connectRate },
  );
  if (opts.rejection)
    cols.push({
      key: 'rejectionRate',
      label: t('metric.rejectionRate'),
      kind: 'pct',
      value: (r) => r.rejectionRate ?? null,
    });
  return cols;
}
