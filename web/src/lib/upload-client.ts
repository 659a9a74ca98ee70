// The writes of the /data page: upload with progress, job polling, deleting a file's calls.
import type { DateOrder } from '../../../server/contract/ingests.ts';
import { ingestApi } from './api.ts';
import { auth, WRITE_HEADERS } from './auth.svelte.ts';
import { tokenHeaders, type UploadFailure } from './upload.ts';
import type { IngestJob } from './upload-types.ts';

/** A failed upload or deletion, with what the page needs to explain it. */
export class UploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.kind === 'http' ? (failure.body?.error ?? `HTTP ${failure.status}`) : failure.kind);
  }
}

function parse(text: string): { error?: string; maxUploadBytes?: number } | null {
  try {
    return JSON.parse(text) as { error?: string };
  } catch {
    return null;
  }
}

/**
 * POST /api/ingest as multipart. XMLHttpRequest, not fetch: only it reports how much of the
 * body has been sent, which is the first part of the progress bar.
 */
export function postFile(
  file: File,
  opts: {
    format?: string | null;
    /** IANA name of the zone of the file's naive times (the route's `timezone` field). */
    timezone?: string | null;
    /** The text of a YAML/JSON mapping file (the route's `mapping` field). */
    mapping?: string | null;
    /** How the file's d/m/yyyy dates are read (the route's `dateOrder` field); null or auto: from the file. */
    dateOrder?: DateOrder | null;
    token?: string | null;
    onProgress?: (fraction: number | null) => void;
  },
): Promise<{ jobId: string; job: IngestJob }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', ingestApi.upload());
    xhr.setRequestHeader('accept', 'application/json');
    // Writes carry X-Requested-With (a cross-site form cannot) and the signed-in token.
    for (const [k, v] of Object.entries({ ...WRITE_HEADERS, ...tokenHeaders(opts.token || auth.token) }))
      xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.lengthComputable ? e.loaded / e.total : null);
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status === 202 && body) resolve(body as unknown as { jobId: string; job: IngestJob });
      else reject(new UploadError({ kind: 'http', status: xhr.status, body }));
    };
    xhr.onerror = () => reject(new UploadError({ kind: 'network', message: 'the connection failed' }));
    const form = new FormData();
    if (opts.format) form.append('format', opts.format);
    if (opts.timezone) form.append('timezone', opts.timezone);
    if (opts.mapping) form.append('mapping', opts.mapping);
    if (opts.dateOrder && opts.dateOrder !== 'auto') form.append('dateOrder', opts.dateOrder);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** GET /api/ingest/jobs/:id, never cached: it is polled for the live bar. */
export async function getJob(jobId: string): Promise<IngestJob> {
  let res: Response;
  try {
    res = await fetch(ingestApi.job(jobId), {
      headers: { accept: 'application/json', ...tokenHeaders(auth.token) },
      cache: 'no-store',
    });
  } catch (err) {
    throw new UploadError({ kind: 'network', message: err instanceof Error ? err.message : String(err) });
  }
  if (res.status === 404) throw new UploadError({ kind: 'lost' });
  const body = parse(await res.text());
  if (!res.ok || !body) throw new UploadError({ kind: 'http', status: res.status, body });
  return body as unknown as IngestJob;
}

/**
 * DELETE /api/ingests/:id: removes the calls of one file that no other loaded file holds; answers
 * how many went (the answer's `kept` and `message` say which stayed and why; the history row too).
 */
export async function deleteIngestCalls(ingestId: number, token: string | null): Promise<number> {
  let res: Response;
  try {
    res = await fetch(ingestApi.ingest(ingestId), {
      method: 'DELETE',
      headers: { accept: 'application/json', ...WRITE_HEADERS, ...tokenHeaders(token || auth.token) },
    });
  } catch (err) {
    throw new UploadError({ kind: 'network', message: err instanceof Error ? err.message : String(err) });
  }
  const body = parse(await res.text());
  if (!res.ok) throw new UploadError({ kind: 'http', status: res.status, body });
  return (body as unknown as { deleted: number }).deleted;
}

// The token lives in this tab's sessionStorage only: never in the URL, never in localStorage.
const TOKEN_KEY = 'hangup.uploadToken';

export function loadToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return ''; // storage blocked: the token is then asked for again after a reload
  }
}

export function saveToken(token: string): void {
  try {
    if (token.trim()) sessionStorage.setItem(TOKEN_KEY, token.trim());
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage blocked: the token is still used for this page's requests
  }
}
