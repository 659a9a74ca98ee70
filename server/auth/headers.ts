import type { MiddlewareHandler } from 'hono';

/**
 * The dashboard's policy: its own scripts only (Vite emits no inline script; 'unsafe-eval'
 * because arquero, used by web/src/lib/windows.ts, compiles its table expressions with
 * `new Function`: no string from a request ever reaches it, and no inline or foreign script
 * runs), inline styles
 * (Svelte and chart libraries set style attributes), data:/blob: images and downloads, and no
 * framing by anyone. Routes that set their own CSP (the HTML report) keep it.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every response. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    const set = (k: string, v: string) => {
      if (!h.has(k)) h.set(k, v);
    };
    const ownCsp = h.has('Content-Security-Policy');
    try {
      set('Content-Security-Policy', DASHBOARD_CSP);
      set('X-Content-Type-Options', 'nosniff');
      set('Referrer-Policy', 'no-referrer');
      // A route with its own CSP states its own frame-ancestors (the report may be framed by this app).
      if (!ownCsp) set('X-Frame-Options', 'DENY');
      set('Cross-Origin-Opener-Policy', 'same-origin');
      set('Cross-Origin-Resource-Policy', 'same-origin');
    } catch {
      // immutable headers (a Response passed through from elsewhere): rebuild it with ours
      c.res = new Response(c.res.body, c.res);
      const fresh = c.res.headers;
      for (const [k, v] of [
        ['Content-Security-Policy', DASHBOARD_CSP],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'no-referrer'],
        ['X-Frame-Options', 'DENY'],
      ] as const) {
        if (!fresh.has(k)) fresh.set(k, v);
      }
    }
  };
}
