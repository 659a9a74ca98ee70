import { escape, from } from 'arquero';
import type { HeatCell } from './api-types.ts';
import { MEASURES, type RateMetric } from './charts/measures.ts';

/**
 * The best and worst hour x weekday windows for a rate, among cells with enough calls to read.
 * "Best" is the lowest hang-up rate or the highest connect rate.
 */
export function bestAndWorst(cells: readonly HeatCell[], metric: RateMetric, minSample: number, k = 5): { best: HeatCell[]; worst: HeatCell[] } {
  const m = MEASURES[metric];
  // arquero compiles plain functions from their source; escape() keeps closures over `m` working.
  const readable = from(cells as HeatCell[])
    .filter(escape((d: HeatCell) => m.den(d) >= minSample && m.rate(d) !== null))
    .derive({ rate: escape((d: HeatCell) => m.rate(d)) });
  const ascending = readable.orderby('rate').objects() as (HeatCell & { rate: number })[];
  const strip = ({ rate: _rate, ...c }: HeatCell & { rate: number }) => c as HeatCell;
  const low = ascending.slice(0, k).map(strip);
  const high = ascending.slice(-k).reverse().map(strip);
  return metric === 'hangupRate' ? { best: low, worst: high } : { best: high, worst: low };
}
