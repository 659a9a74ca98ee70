/** Concurrent dashboard clients, and an upload through POST /api/ingest (the /data page's path). */
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from './cases.ts';
import { now, percentile } from './measure.ts';
import { loadPage } from './page-load.ts';
import { fetchRetry } from './server-child.ts';

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  errorSamples: string[];
  p50: number | null;
  p99: number | null;
  max: number | null;
  pageLoads: number;
  pageP50: number | null;
  pageP99: number | null;
}

/**
 * `clients` browsers, each opening the dashboard pages one after another (client i starts at
 * page i, so all pages are asked at once), until `stop()` says so. Every request is timed.
 * `bust` makes every request miss the server's response cache (see cases.ts `uncached`).
 */
export async function runClients(
  base: string,
  pages: Page[],
  clients: number,
  stop: () => boolean,
  bust?: () => number,
): Promise<LoadResult> {
  const start = now();
  const req: number[] = [];
  const pageMs: number[] = [];
  const errors: string[] = [];
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      for (let j = 0; !stop(); j++) {
        const r = await loadPage(base, pages[(i + j) % pages.length]!, bust);
        pageMs.push(r.ms);
        for (const q of r.requests) {
          req.push(q.ms);
          if (!q.ok) errors.push(q.error ?? q.url);
        }
      }
    }),
  );
  return {
    clients,
    seconds: (now() - start) / 1000,
    requests: req.length,
    errors: errors.length,
    errorSamples: [...new Set(errors)].slice(0, 5),
    p50: percentile(req, 50),
    p99: percentile(req, 99),
    max: percentile(req, 100),
    pageLoads: pageMs.length,
    pageP50: percentile(pageMs, 50),
    pageP99: percentile(pageMs, 99),
  };
}

export interface UploadResult {
  bytes: number;
  /** Upload sent and answered (202). */
  uploadMs: number;
  /** From the first byte sent until the job is done (upload + ingest). */
  totalMs: number;
  state: string;
  inserted: number | null;
  error: string | null;
}

/** Sends `path` as the /data page does, then polls the job until it is done or failed. */
export async function uploadAndWait(base: string, path: string, onPoll?: () => void): Promise<UploadResult> {
  const t = now();
  const form = new FormData();
  const blob = await openAsBlob(path);
  form.append('file', blob, basename(path));
  const res = await fetch(`${base}/api/ingest`, {
    method: 'POST',
    headers: { 'x-requested-with': 'hangup' },
    body: form,
  });
  const body = (await res.json()) as { jobId?: string; statusUrl?: string; error?: string };
  const uploadMs = now() - t;
  if (res.status !== 202 || !body.statusUrl)
    return {
      bytes: blob.size,
      uploadMs,
      totalMs: uploadMs,
      state: `HTTP ${res.status}`,
      inserted: null,
      error: body.error ?? null,
    };
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    onPoll?.();
    // A poll answered badly under load (empty body, 5xx) is asked again, not a failed upload.
    const text = await (await fetchRetry(base + body.statusUrl)).text();
    let job: { state: string; error: string | null; report: { inserted: number } | null };
    try {
      job = JSON.parse(text);
    } catch {
      continue;
    }
    if (job.state === 'done' || job.state === 'failed') {
      return {
        bytes: blob.size,
        uploadMs,
        totalMs: now() - t,
        state: job.state,
        inserted: job.report?.inserted ?? null,
        error: job.error,
      };
    }
  }
}
