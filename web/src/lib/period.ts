import type { Filters } from './api-types.ts';

/** A window of whole days, `to` exclusive (as the API's filters). */
export interface Period {
  from: string;
  to: string;
  days: number;
}

const DAY_MS = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  return toIso(toMs(iso) + days * DAY_MS);
}

/**
 * The window the filters select; an open end is closed by the stored data's bounds
 * (lastDate is inclusive there). Null while the bounds are unknown or the store is empty.
 */
export function selectedPeriod(
  f: Pick<Filters, 'from' | 'to'>,
  bounds: { firstDate: string | null; lastDate: string | null } | undefined,
): Period | null {
  const from = f.from ?? bounds?.firstDate ?? null;
  const to = f.to ?? (bounds?.lastDate ? addDays(bounds.lastDate, 1) : null);
  if (!from || !to || toMs(to) <= toMs(from)) return null;
  return { from, to, days: Math.round((toMs(to) - toMs(from)) / DAY_MS) };
}

/** The window of equal length that ends where `p` starts. */
export function previousPeriod(p: Period): Period {
  return { from: addDays(p.from, -p.days), to: p.from, days: p.days };
}

/** The last `days` days of the stored data, as a filter window. */
export function lastDays(lastDate: string, days: number): Period {
  const to = addDays(lastDate, 1);
  return { from: addDays(to, -days), to, days };
}

/** Days a view shows when no dates are picked and the data spans more (the recent quarter). */
export const DEFAULT_DAYS = 90;

/**
 * The dates a view without picked dates shows: the last DEFAULT_DAYS days of the data when it
 * spans more, so one old file does not stretch every chart over years; null (all dates) otherwise.
 */
export function defaultRange(first: string | null, last: string | null): Period | null {
  if (!first || !last) return null;
  return toMs(last) - toMs(first) + DAY_MS > DEFAULT_DAYS * DAY_MS ? lastDays(last, DEFAULT_DAYS) : null;
}
