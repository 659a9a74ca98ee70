import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

export interface WritePolicy {
  /** The address the server listens on. */
  host: string;
  /** HANGUP_UPLOAD_TOKEN (read in env.ts only). */
  token?: string;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Whether writes are possible at all, and why not: what GET /api/ingest/status tells the /data page. */
export function writeStatus(p: WritePolicy): { uploadsEnabled: boolean; tokenRequired: boolean; reason: string | null } {
  if (isLoopback(p.host)) return { uploadsEnabled: true, tokenRequired: false, reason: null };
  if (!p.token) {
    return {
      uploadsEnabled: false, tokenRequired: true,
      reason: `uploads and deletions are off: the server listens on ${p.host} (not loopback) and HANGUP_UPLOAD_TOKEN is not set`,
    };
  }
  return { uploadsEnabled: true, tokenRequired: true, reason: null };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Refuses writes (upload, delete) unless the server listens on loopback only, or the request
 * carries the upload token as `Authorization: Bearer <token>` or `X-Upload-Token: <token>`.
 */
export function writeGuard(p: WritePolicy): MiddlewareHandler {
  return async (c, next) => {
    const status = writeStatus(p);
    if (!status.uploadsEnabled) return c.json({ error: status.reason }, 403);
    if (status.tokenRequired) {
      const auth = c.req.header('authorization');
      const given = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : c.req.header('x-upload-token');
      if (!given || !sameToken(given, p.token!)) {
        return c.json({ error: 'upload token missing or wrong: send Authorization: Bearer <HANGUP_UPLOAD_TOKEN>' }, 401);
      }
    }
    await next();
  };
}
