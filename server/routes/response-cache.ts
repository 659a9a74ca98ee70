import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../db/database.ts';
import { GenerationStore } from './generation-store.ts';

/**
 * Answers of these GET routes depend only on the request and the stored data, so they are cached
 * per data generation (Database.dataGeneration, bumped by every write: ingest, delete, dimension
 * files). Progress, history and report downloads are not listed: they change without a write or
 * carry the time they were made.
 */
const CACHEABLE =
  /^\/api\/(summary|breakdown|breakdown\/attribute|heatmap|dimensions|ab|survival|recommendations|health|reports\/weeks)$/;

interface Entry {
  body: ArrayBuffer;
  contentType: string;
  etag: string;
}

export interface ResponseCacheOptions {
  /** At most this many responses (least recently used go first). */
  maxEntries?: number;
  /** And at most this many bytes of bodies. */
  maxBytes?: number;
}

/**
 * Response cache: key = path + sorted query + data generation, so any write invalidates it and
 * nothing stale is ever served. Identical requests arriving together run once (the rest await
 * the first), which is what 8 dashboards opening the same page need. Every cached answer has a
 * strong ETag (hash of the body); `If-None-Match` with it gets 304 and no body. Reads keep running
 * during an ingest (DuckDB's MVCC: the writer has its own connection) and see the data as it was
 * before the ingest's commit.
 */
export function responseCache(db: Database, opts: ResponseCacheOptions = {}): MiddlewareHandler {
  const cache = new GenerationStore<Entry>(
    db,
    (e) => e.body.byteLength,
    opts.maxEntries ?? 500,
    opts.maxBytes ?? 64 * 1024 * 1024,
  );
  const inflight = new Map<string, Promise<Entry | null>>();

  return async (c, next) => {
    if (c.req.method !== 'GET' || !CACHEABLE.test(c.req.path)) return next();
    // `Cache-Control: no-cache` on the request (a browser's hard reload, the benchmark's uncached
    // timings) computes the answer afresh instead of reusing a stored one.
    if (/no-cache/i.test(c.req.header('cache-control') ?? '')) return next();
    const gen = db.dataGeneration;
    const url = new URL(c.req.url);
    const query = [...url.searchParams.entries()].sort(([a, x], [b, y]) =>
      a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0,
    );
    const key = `${gen} ${url.pathname}?${new URLSearchParams(query).toString()}`;

    let entry = cache.get(key);
    if (!entry) {
      const pending = inflight.get(key);
      if (pending) entry = (await pending) ?? undefined;
      if (!entry && pending) return next(); // the first one failed: answer this one on its own
      if (!entry) {
        let settle!: (e: Entry | null) => void;
        inflight.set(key, new Promise<Entry | null>((r) => (settle = r)));
        try {
          await next();
          const res = c.res;
          const contentType = res.headers.get('content-type') ?? '';
          if (res.status !== 200 || !contentType.includes('application/json')) {
            settle(null);
            return;
          }
          const body = await res.clone().arrayBuffer();
          entry = {
            body,
            contentType,
            etag: `"${createHash('sha1').update(new Uint8Array(body)).digest('base64url').slice(0, 22)}"`,
          };
          cache.set(key, entry, gen);
          settle(entry);
        } catch (err) {
          settle(null);
          throw err;
        } finally {
          inflight.delete(key);
        }
      }
    }
    const headers = { ETag: entry.etag, 'Cache-Control': 'no-cache' };
    const inm = c.req.header('if-none-match');
    if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === entry!.etag)) {
      c.res = new Response(null, { status: 304, headers });
      return;
    }
    c.res = new Response(entry.body, { status: 200, headers: { ...headers, 'Content-Type': entry.contentType } });
  };
}
