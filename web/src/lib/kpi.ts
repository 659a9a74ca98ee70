import type { Headline, MetricFields } from './api-types.ts';
import { measureOf, type Measure } from './charts/measures.ts';
import { MIN_SAMPLE } from './charts/theme.ts';
import type { MessageKey } from './i18n.ts';

/** The rates of the overview's KPI row (after the dials card, in this order). */
export const KPI_RATES = ['connectRate', 'hangupRate', 'shortCallRate', 'rejectionRate', 'conversionRate'] as const;
export type KpiRate = (typeof KPI_RATES)[number];
export type KpiMeasure = Measure<KpiRate>;

/** The KPI rates as the semantic layer defines them, the headline rate first: the one number to read before any other. */
export function kpiMeasures(headline: Headline): KpiMeasure[] {
  const first: KpiRate = headline === 'short' ? 'shortCallRate' : 'hangupRate';
  return [first, ...KPI_RATES.filter((k) => k !== first)].map((k) => measureOf(k));
}

/**
 * Why a card's rate is too thin to trust, in words, named after the rate's own denominator:
 * "who hung up is known for only 10 calls" for the hang-up rate, answered calls for the
 * short-call and conversion rates, dials for the connect and rejection rates. A type error here
 * means a rate over a new denominator: give it its texts in both languages.
 */
const THIN_TEXT: Record<Measure['denominator'], { few: MessageKey; none: MessageKey }> = {
  knownParty: { few: 'kpi.thin.knownParty', none: 'kpi.none.knownParty' },
  answered: { few: 'kpi.thin.answered', none: 'kpi.none.answered' },
  dials: { few: 'kpi.thin.dials', none: 'kpi.none.dials' },
};

/**
 * The note under a KPI whose rate rests on fewer than `min` calls (the tables' rule: the rate's
 * own denominator below MIN_SAMPLE); null when there are enough. With none, the card says there
 * is no rate rather than "0".
 */
export function thinNote(
  m: KpiMeasure,
  r: MetricFields,
  min = MIN_SAMPLE,
): { key: MessageKey; vars: { n: number; min: number } } | null {
  if (!m.small(r, min)) return null;
  const n = m.den(r);
  return { key: n === 0 ? THIN_TEXT[m.denominator].none : THIN_TEXT[m.denominator].few, vars: { n, min } };
}

/**
 * What a KPI's change against the previous period may say: nothing when the rate now is too thin
 * (its card says so), "too few to compare" when the previous period's is, else the change.
 */
export function comparable(
  m: KpiMeasure,
  now: MetricFields,
  before: MetricFields,
  min = MIN_SAMPLE,
): 'thinNow' | 'thinBefore' | 'yes' {
  if (m.small(now, min)) return 'thinNow';
  if (m.small(before, min)) return 'thinBefore';
  return 'yes';
}
