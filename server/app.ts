import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Database } from './db/database.ts';
import { sqlText } from './db/sql-files.ts';
import type { Settings } from './metrics.ts';
import { ingestRoutes } from './routes/ingests.ts';
import { insightRoutes } from './routes/insights.ts';
import { uploadRoutes, type UploadDeps } from './routes/uploads.ts';
import { metricRoutes } from './routes/metrics.ts';
import { reportRoutes } from './routes/reports.ts';
import { BadRequest } from './routes/query-input.ts';
import { responseCache } from './routes/response-cache.ts';

export interface AppDeps {
  db: Database;
  settings: Settings;
  /** Chromium for PDF reports (default /usr/bin/chromium). */
  chromiumPath?: string;
  /** Optional extra mounting (static web app) done by the caller. */
  extend?: (app: Hono) => void;
  /** Upload, ingest history, rejects and deletion routes (absent: read-only API). */
  ingest?: Omit<UploadDeps, 'db' | 'settings'>;
}

/** The HTTP app: routes plus one error shape for every 400/404/500. */
export function createApp({ db, settings, chromiumPath, extend, ingest }: AppDeps): Hono {
  const app = new Hono();
  app.use('/api/*', responseCache(db)); // issue 10: responses cached per data generation, ETag + 304
  app.get('/api/health', async (c) => {
    const [row] = await db.query<{ calls: number }>(sqlText('call_count'));
    return c.json({ status: 'ok', calls: row!.calls, timezone: settings.timezone, earlySeconds: settings.earlySeconds });
  });
  app.route('/api', metricRoutes(db, settings));
  app.route('/api', insightRoutes(db, settings));
  app.route('/api', ingestRoutes(db));
  if (ingest) app.route('/api', uploadRoutes({ ...ingest, db, settings }));
  app.route('/api/reports', reportRoutes(db, settings, { chromiumPath }));
  app.all('/api/*', (c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path}` }, 404));
  extend?.(app);
  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: 'bad request', issues: err.issues }, 400);
    if (err instanceof HTTPException) return c.json({ error: err.message }, err.status);
    console.error(err);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
