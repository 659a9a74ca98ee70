import { serve as nodeServe } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApp } from './app.ts';
import type { Store } from './store.ts';
import { WEB_DIST } from './web-build.ts';

export interface ServeOptions {
  port: number;
  host: string;
  uploadToken?: string;
}

/** Mounts the built dashboard, if any: its files, and index.html for every other path (page routes). */
export function mountWeb(a: Hono): void {
  if (!existsSync(join(WEB_DIST, 'index.html'))) return;
  const root = relative(process.cwd(), WEB_DIST) || '.';
  a.use('/*', serveStatic({ root }));
  a.get('*', (c) => c.html(readFileSync(join(WEB_DIST, 'index.html'), 'utf8')));
}

/** Serves the API and, when built, the dashboard (unknown paths fall back to index.html). */
export async function serve(store: Store, opts: ServeOptions): Promise<void> {
  const app = createApp({ db: store.db, settings: store.settings, extend: mountWeb });
  const server = nodeServe({ fetch: app.fetch, port: opts.port, hostname: opts.host });
  await new Promise<void>((r) => server.once('listening', () => r()));
  console.log(`Hangup Insight on http://${opts.host}:${opts.port}  (database ${store.db.path})`);
  const stop = () => {
    server.close();
    store.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
