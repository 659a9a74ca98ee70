import type { Filters } from './api-types.ts';

// The filter keys of server/contract/filters.ts, restated here so the web bundle does not pull
// in zod; `satisfies` keeps the two lists in step at compile time.
export const LIST_KEYS = [
  'campaign',
  'script',
  'segment',
  'numberTag',
  'agent',
] as const satisfies readonly (keyof Filters)[];
export type ListKey = (typeof LIST_KEYS)[number];
export const FILTER_KEYS = ['from', 'to', ...LIST_KEYS] as const satisfies readonly (keyof Filters)[];
/** What a view carries from page to page: the filters, `range=all` (no default dates) and the language. */
export const VIEW_KEYS: readonly string[] = [...FILTER_KEYS, 'range', 'lang'];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The standard filters held in a query string (same names and meaning as the API; `to` exclusive). */
export function readFilters(params: URLSearchParams): Filters {
  const date = (k: string) => {
    const v = params.get(k);
    return v && ISO_DATE.test(v) ? v : undefined;
  };
  const f: Filters = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
  const from = date('from');
  const to = date('to');
  if (from) f.from = from;
  if (to) f.to = to;
  for (const k of LIST_KEYS) f[k] = [...new Set(params.getAll(k).filter((v) => v.trim() !== ''))];
  return f;
}

/** The query string the API takes for these filters (plus extra parameters), keys in a stable order. */
export function filterQuery(f: Filters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams(extra);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  for (const k of LIST_KEYS) for (const v of f[k]) q.append(k, v);
  return q.toString();
}

export function hasFilters(f: Filters): boolean {
  return Boolean(f.from || f.to) || LIST_KEYS.some((k) => f[k].length > 0);
}
