import { escape, from } from 'arquero';
import type { HeatCell } from './api-types.ts';
import { MEASURES, type RateMetric } from './charts/measures.ts';

/**
 * The best and worst hour x weekday windows for a rate, among cells with enough calls to read.
 * "Best" is the lowest hang-up rate or the highest connect rate; no cell is in both lists.
 */
export function bestAndWorst(
  cells: readonly HeatCell[],
  metric: RateMetric,
  minSample: number,
  k = 5,
): { best: HeatCell[]; worst: HeatCell[] } {
  const m = MEASURES[metric];
  // arquero compiles plain functions from their source; escape() keeps closures over `m` working.
  const readable = from(cells as HeatCell[])
    .filter(escape((d: HeatCell) => m.den(d) >= minSample && m.rate(d) !== null))
    .derive({ rate: escape((d: HeatCell) => m.rate(d)) });
  const ascending = readable.orderby('rate').objects() as (HeatCell & { rate: number })[];
  const strip = ({ rate: _rate, ...c }: HeatCell & { rate: number }) => c as HeatCell;
  // With few readable cells the two lists split them rather than show the same cells twice.
  const nLow = Math.min(k, Math.ceil(ascending.length / 2));
  const nHigh = Math.min(k, ascending.length - nLow);
  const low = ascending.slice(0, nLow).map(strip);
  const high = ascending
    .slice(ascending.length - nHigh)
    .reverse()
    .map(strip);
  return metric === 'connectRate' ? { best: high, worst: low } : { best: low, worst: high };
}
