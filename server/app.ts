import { Hono } from 'hono';
import { authenticate } from './auth/access.ts';
import { crossSiteGuard, hostGuard } from './auth/cross-site.ts';
import { securityHeaders } from './auth/headers.ts';
import type { AccessPolicy } from './auth/policy.ts';
import { authRoutes } from './auth/routes.ts';
import { UserDirectory } from './auth/users.ts';
import type { Database } from './db/database.ts';
import { callsListing } from './db/query-store.ts';
import type { Settings } from './metrics.ts';
import { ingestRoutes } from './routes/ingests.ts';
import { insightRoutes } from './routes/insights.ts';
import { uploadRoutes, type UploadDeps } from './routes/uploads.ts';
import { metricRoutes } from './routes/metrics.ts';
import { reportRoutes } from './routes/reports.ts';
import { errorJson, onApiError } from './routes/errors.ts';
import { noQuery } from './routes/query-input.ts';
import { responseCache } from './routes/response-cache.ts';

export interface AppDeps {
  db: Database;
  settings: Settings;
  /** Chromium for PDF reports (default /usr/bin/chromium). */
  chromiumPath?: string;
  /** Optional extra mounting (static web app) done by the caller. */
  extend?: (app: Hono) => void;
  /** Upload, ingest history, rejects and deletion routes (absent: read-only API). */
  ingest?: Omit<UploadDeps, 'db' | 'settings' | 'users'>;
  /** Bind address, upload token and allowed host names (default: ingest.policy, else loopback). */
  access?: AccessPolicy;
}

// Paths anyone may call before signing in: the dashboard asks here whether it must.
const OPEN_PATHS = new Set(['/api/session']);
// GET routes that take no query parameters (the others check theirs with parseQuery): a stray one is a 400.
const NO_QUERY = [
  '/api/health',
  '/api/session',
  '/api/dimensions',
  '/api/ingests',
  '/api/audit',
  '/api/users',
  '/api/ingest/status',
  '/api/ingest/jobs',
  '/api/ingest/jobs/:id',
];

/** The HTTP app: routes plus one error body (server/contract/errors.ts) for every 4xx and 500. */
export function createApp({ db, settings, chromiumPath, extend, ingest, access }: AppDeps): Hono {
  const app = new Hono();
  const policy: AccessPolicy = access ?? ingest?.policy ?? { host: '127.0.0.1' };
  const users = new UserDirectory(db);
  app.use('*', securityHeaders());
  app.use('*', hostGuard(policy));
  app.use('/api/*', crossSiteGuard(policy));
  app.use('/api/*', authenticate(policy, users, { open: (path) => OPEN_PATHS.has(path) }));
  for (const path of NO_QUERY) app.get(path, noQuery());
  // After authentication: a cached answer never reaches a caller the guards refuse.
  app.use('/api/*', responseCache(db));
  app.get('/api/health', async (c) => {
    const [row] = await callsListing<{ calls: number }>(db, 'call_count'); // hook: query store
    return c.json({
      status: 'ok',
      calls: row!.calls,
      timezone: settings.timezone,
      earlySeconds: settings.earlySeconds,
    });
  });
  app.route('/api', authRoutes(db, policy, users));
  app.route('/api', metricRoutes(db, settings));
  app.route('/api', insightRoutes(db, settings));
  app.route('/api', ingestRoutes(db, ingest?.dataDir));
  if (ingest) app.route('/api', uploadRoutes({ ...ingest, db, settings, users }));
  app.route('/api/reports', reportRoutes(db, settings, { chromiumPath }));
  app.all('/api/*', (c) => errorJson(c, 404, 'not_found', `no such endpoint: ${c.req.method} ${c.req.path}`));
  extend?.(app);
  app.onError(onApiError);
  return app;
}
