import type { HeatCell } from '../api-types.ts';
import type { Column } from '../columns.ts';
import type { MessageKey } from '../i18n.ts';
import type { HeatmapText } from './heatmap.ts';
import { MEASURES, METRIC_TEXT, type RateMetric } from './measures.ts';
import { MIN_SAMPLE } from './theme.ts';

type Translate = (key: MessageKey) => string;

/** The words of a heatmap's tooltip for this metric. */
export function heatmapText(metric: RateMetric, t: Translate): HeatmapText {
  const words = METRIC_TEXT[metric];
  return {
    metric: t(words.label),
    numerator: t(words.num),
    denominator: t(words.den),
    interval: t('metric.interval'),
    smallSample: t('sample.small'),
  };
}

/**
 * The rate columns of a heatmap's table view and CSV, after the cell's keys: the rate, (its
 * numerator,) its denominator and its interval, greyed where the denominator is too small to read.
 */
export function heatRateColumns<R extends HeatCell>(
  metric: RateMetric,
  t: Translate,
  opts: { numerator?: boolean } = {},
): Column<R>[] {
  const m = MEASURES[metric];
  const words = METRIC_TEXT[metric];
  const small = (c: R) => m.small(c, MIN_SAMPLE);
  return [
    { key: 'rate', label: t(words.label), kind: 'pct', value: (c) => m.rate(c), muted: small },
    ...(opts.numerator === false
      ? []
      : [{ key: 'num', label: t(words.num), kind: 'int' as const, value: (c: R) => m.num(c) }]),
    { key: 'den', label: t(words.den), kind: 'int', value: (c) => m.den(c) },
    { key: 'low', label: t('metric.ciLow'), kind: 'pct', value: (c) => m.low(c), muted: small },
    { key: 'high', label: t('metric.ciHigh'), kind: 'pct', value: (c) => m.high(c), muted: small },
  ];
}
