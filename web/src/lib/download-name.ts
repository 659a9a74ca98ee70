import { addDays } from './period.ts';
import { LIST_KEYS } from './filters.ts';
import type { Filters } from './api-types.ts';

const safe = (s: string) => s.replace(/[^A-Za-z0-9._+-]+/g, '_');

/**
 * `<chart>-<from>_<to>[-filters].csv`: the period the numbers cover (the filter's dates, `to`
 * inclusive as people read it, else the data's range) and the filters that shaped them, so two
 * downloads never share a name by accident.
 */
export function csvName(chart: string, f: Filters, range: { first: string | null; last: string | null }): string {
  const from = f.from ?? range.first;
  const until = f.to ? addDays(f.to, -1) : range.last;
  const period = from && until ? `-${from}_${until}` : '';
  const parts = LIST_KEYS.flatMap((k) => (f[k].length ? [`${k}=${f[k].map(safe).join('+')}`] : []));
  let filters = parts.length ? `-${parts.join('-')}` : '';
  // Long selections: the name says "filtered" rather than growing past what file systems take.
  if (filters.length > 80) filters = '-filtered';
  return `${safe(chart)}${period}${filters}.csv`;
}
