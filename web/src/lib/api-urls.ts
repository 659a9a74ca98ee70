import type { AdjustKey, Dimension, Filters, Headline } from './api-types.ts';
import { filterQuery } from './filters.ts';

// Pure (no fetch, no auth state), so modules that only build URLs stay testable without Svelte.
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
  /** Kaplan–Meier curves; `metric` picks the event (absent = the view's headline, as the server picks it). */
  survival: (by: 'script' | 'segment' | 'number_tag' | 'agent', f: Filters, metric?: Headline) =>
    `/api/survival?${filterQuery(f, { by, ...(metric ? { metric } : {}) })}`,
  recommendations: (f: Filters) => `/api/recommendations?${filterQuery(f)}`,
  /** The ISO weeks with calls, newest first (the weekly report's week picker). */
  reportWeeks: () => '/api/reports/weeks',
};

/** URLs of the ingest routes (README "Ingest routes"); writes go through lib/upload-client.ts. */
export const ingestApi = {
  status: () => '/api/ingest/status',
  upload: () => '/api/ingest',
  job: (jobId: string) => `/api/ingest/jobs/${encodeURIComponent(jobId)}`,
  ingest: (ingestId: number) => `/api/ingests/${ingestId}`,
  /** The refused rows; in Chinese (`zh`) their reasons are translated. */
  rejects: (ingestId: number, lang: 'zh' | 'en' = 'en') =>
    `/api/ingests/${ingestId}/rejects${lang === 'zh' ? '?lang=zh' : ''}`,
  /** Every write: who, what, when. */
  audit: () => '/api/audit',
};
