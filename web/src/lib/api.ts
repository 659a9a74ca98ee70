import type { AdjustKey, Dimension, Filters } from './api-types.ts';
import { authHeaders } from './auth.svelte.ts';
import { filterQuery } from './filters.ts';

/** URLs of the API routes the dashboard reads (README, API); filters go through filterQuery. */
export const api = {
  health: () => '/api/health',
  dimensions: () => '/api/dimensions',
  ingests: () => '/api/ingests',
  summary: (f: Filters) => `/api/summary?${filterQuery(f)}`,
  breakdown: (by: Dimension, f: Filters) => `/api/breakdown?${filterQuery(f, { by })}`,
  heatmap: (x: Dimension, y: Dimension, f: Filters) => `/api/heatmap?${filterQuery(f, { x, y })}`,
  /** A/B/n of opening lines; always with the daily always-valid looks (the page states the method). */
  ab: (f: Filters, o: { control?: string; adjust: readonly AdjustKey[] }) =>
    `/api/ab?${filterQuery(f, { ...(o.control ? { control: o.control } : {}), ...(o.adjust.length ? { adjust: o.adjust.join(',') } : {}), sequential: '1' })}`,
  survival: (by: 'script' | 'segment' | 'number_tag' | 'agent', f: Filters) => `/api/survival?${filterQuery(f, { by })}`,
  recommendations: (f: Filters) => `/api/recommendations?${filterQuery(f)}`,
};

/** An API answer other than 2xx, with the server's message (a 400 names each bad parameter). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

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
  const body = (await res.json().catch(() => null)) as { error?: string; issues?: { param: string; message: string }[] } | null;
  if (!res.ok) {
    const detail = body?.issues?.map((i) => `${i.param}: ${i.message}`).join('; ');
    throw new ApiError(res.status, [body?.error ?? res.statusText, detail].filter(Boolean).join(' — '));
  }
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

// data page: upload
/** URLs of the ingest routes (README "Ingest routes"); writes go through lib/upload-client.ts. */
export const ingestApi = {
  status: () => '/api/ingest/status',
  upload: () => '/api/ingest',
  job: (jobId: string) => `/api/ingest/jobs/${encodeURIComponent(jobId)}`,
  ingest: (ingestId: number) => `/api/ingests/${ingestId}`,
  rejects: (ingestId: number) => `/api/ingests/${ingestId}/rejects`,
  /** Every write: who, what, when. */
  audit: () => '/api/audit',
};
