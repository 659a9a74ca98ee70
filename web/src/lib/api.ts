import { authHeaders } from './auth.svelte.ts';

export { api, ingestApi } from './api-urls.ts';
export { ApiError, apiError, type ErrorBody } from './api-error.ts';
import { ApiError, apiError, type ErrorBody } from './api-error.ts';

// Answers are kept briefly so back/forward and page switches redraw at once, yet data
// ingested meanwhile shows up within a minute.
const TTL_MS = 60_000;
const MAX_ENTRIES = 200;
const cache = new Map<string, { at: number; value: Promise<unknown> }>();

async function fetchJson(url: string): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/json', ...authHeaders() } });
  } catch (err) {
    throw new ApiError(0, err instanceof Error ? err.message : String(err));
  }
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  if (!res.ok) throw apiError(res, body);
  return body;
}

export function getJson<T>(url: string): Promise<T> {
  const hit = cache.get(url);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
  const value = fetchJson(url);
  value.catch(() => cache.delete(url)); // never keep a failure
  cache.set(url, { at: Date.now(), value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value as Promise<T>;
}

/** Drops cached answers, e.g. before a retry after an error. */
export function clearCache(): void {
  cache.clear();
}
