import type { MiddlewareHandler } from 'hono';
import { errorJson } from '../routes/errors.ts';
import { hostAllowed, hostName, type AccessPolicy } from './policy.ts';

/** The header every write carries; a cross-site form cannot send it, a cross-site fetch only after a preflight we never grant. */
export const WRITE_HEADER = 'x-requested-with';
export const WRITE_HEADER_VALUE = 'hangup';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function hostOf(c: Parameters<MiddlewareHandler>[0]): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

/** Refuses a request whose Host is not ours (DNS rebinding), on every path. */
export function hostGuard(p: AccessPolicy): MiddlewareHandler {
  return async (c, next) => {
    const host = hostOf(c);
    if (!hostAllowed(host, p)) {
      const why = `host "${host.slice(0, 100)}" is not served here: use a loopback address or add the name to HANGUP_ALLOWED_HOSTS`;
      return errorJson(c, 403, 'refused', why);
    }
    await next();
  };
}

/**
 * Refuses API requests another site made (Sec-Fetch-Site cross-site or same-site, or an Origin
 * that is not this server), and writes without `X-Requested-With: hangup`.
 * `Sec-Fetch-Site: none` (typed URL, bookmark) and requests without the header (curl) pass the
 * first check; the header check then stops every cross-site write browsers can make.
 */
export function crossSiteGuard(p: AccessPolicy): MiddlewareHandler {
  return async (c, next) => {
    const site = c.req.header('sec-fetch-site');
    if (site && site !== 'same-origin' && site !== 'none') {
      return errorJson(
        c,
        403,
        'refused',
        `refused: the request came from another site (Sec-Fetch-Site: ${site.slice(0, 40)})`,
      );
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !sameOrigin(origin, hostOf(c), p)) {
      return errorJson(c, 403, 'refused', `refused: the request came from another origin (${origin.slice(0, 100)})`);
    }
    if (!SAFE.has(c.req.method) && c.req.header(WRITE_HEADER)?.toLowerCase() !== WRITE_HEADER_VALUE) {
      const why = `writes need the header "X-Requested-With: ${WRITE_HEADER_VALUE}" (the dashboard sends it; add it to scripts and curl)`;
      return errorJson(c, 403, 'refused', why);
    }
    await next();
  };
}

/** Origin names this server: same host and port as the Host header, or an allowed host behind a proxy. */
function sameOrigin(origin: string, host: string, p: AccessPolicy): boolean {
  let url: URL;
  try {
    url = new URL(origin); // "null" (sandboxed frames, file://) throws and is refused
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.host.toLowerCase() === host.toLowerCase()) return true;
  const name = hostName(url.host);
  return (p.allowedHosts ?? []).some((a) => hostName(a) === name) && hostAllowed(host, p);
}
