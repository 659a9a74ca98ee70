import { serve as nodeServe } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createApp } from './app.ts';
import { accessState } from './auth/access.ts';
import { auditIngest, recordAudit } from './auth/audit.ts';
import { INTERRUPTED_OUTCOME, refusedOutcome } from './contract/audit.ts';
import { UserDirectory } from './auth/users.ts';
import { noteInHistory, recordOrphanUploads } from './ingest/history-note.ts';
import { part } from './ingest/message-parts.ts';
import { ingestFile } from './ingest/ingest-file.ts';
import { watchInbox } from './ingest/inbox.ts';
import { IngestJobs } from './ingest/jobs.ts';
import { startReportSchedule, type ScheduleSetting } from './report/schedule.ts';
import type { Store } from './store.ts';
import { buildHintPage, WEB_DIST } from './web-build.ts';

export interface ServeOptions {
  port: number;
  host: string;
  uploadToken?: string;
  /** HANGUP_ALLOWED_HOSTS: names besides loopback that the Host header may carry. */
  allowedHosts?: string[];
  maxUploadBytes: number;
  /** Watched folder, or null for none. */
  inbox: string | null;
  inboxStableMs: number;
  chromiumPath?: string;
  /** The weekly report schedule; off when absent or when its cron is null. */
  reportSchedule?: ScheduleSetting;
}

/** Mounts the built dashboard, if any: its files, and index.html for every other path (page routes). */
export function mountWeb(a: Hono): void {
  // ux: no build yet (serve --no-build) -> every page says how to build, not a bare 404.
  if (!existsSync(join(WEB_DIST, 'index.html'))) return void a.get('*', (c) => c.html(buildHintPage(), 503));
  const root = relative(process.cwd(), WEB_DIST) || '.';
  a.use('/*', serveStatic({ root }));
  a.get('*', (c) => c.html(readFileSync(join(WEB_DIST, 'index.html'), 'utf8')));
}

/** Serves the API and, when built, the dashboard (unknown paths fall back to index.html). */
export async function serve(store: Store, opts: ServeOptions): Promise<void> {
  const jobs = new IngestJobs();
  // Nothing can be in flight before the server listens: what is left in uploads/ was cut off.
  for (const name of await recordOrphanUploads(store.db, join(store.dataDir, 'uploads'))) {
    console.log(`Upload interrupted by the last stop: ${name} (removed; history row "interrupted")`);
    await recordAudit(store.db, {
      actor: 'server',
      action: 'interrupted',
      fileName: name,
      outcome: INTERRUPTED_OUTCOME,
    });
  }
  const app = createApp({
    db: store.db,
    settings: store.settings,
    ingest: {
      dataDir: store.dataDir,
      policy: { host: opts.host, token: opts.uploadToken, allowedHosts: opts.allowedHosts },
      maxUploadBytes: opts.maxUploadBytes,
      jobs,
      inbox: opts.inbox,
    },
    chromiumPath: opts.chromiumPath,
    extend: mountWeb,
  });
  const server = nodeServe({ fetch: app.fetch, port: opts.port, hostname: opts.host });
  // Headers must arrive promptly; a body may take long (a big upload on a slow line) but not
  // stall: receiveUpload cuts a body that sends nothing for 30 s, and this caps the whole request.
  const http = server as unknown as { headersTimeout: number; requestTimeout: number };
  http.headersTimeout = 20_000;
  http.requestTimeout = 3_600_000;
  await new Promise<void>((r) => server.once('listening', () => r()));
  console.log(`Hangup Insight on http://${opts.host}:${opts.port}  (database ${store.db.path})`);
  const access = await accessState({ host: opts.host, token: opts.uploadToken }, new UserDirectory(store.db));
  if (access.closed) console.log(`Warning: ${access.closed}. Until then every /api route answers 401.`);
  else if (access.required)
    console.log(
      'Every /api route needs a token (users, or HANGUP_UPLOAD_TOKEN as an uploader): see README "Security".',
    );
  const inbox = opts.inbox
    ? watchInbox({
        inbox: opts.inbox,
        archive: join(opts.inbox, '..', 'archive'),
        quarantine: join(opts.inbox, '..', 'quarantine'),
        stableMs: opts.inboxStableMs,
        log: (l) => console.log(l),
        onRefused: (fileName, reason) => {
          void noteInHistory(store.db, fileName, 'failed', part('inbox_not_read', { reason }));
          void recordAudit(store.db, { actor: 'inbox', action: 'inbox', fileName, outcome: refusedOutcome(reason) });
        },
        // Inbox files show in the job list too, so the /data page sees their progress.
        // `options`: the file's folder settings (.hangup.json), the upload's fields by the same names.
        ingest: async (path, fileName, options) => {
          const job = jobs.create(fileName, 'inbox');
          const done = await jobs.run(job, (progress) =>
            ingestFile(store.db, path, {
              ...options,
              dataDir: store.dataDir,
              businessTimezone: store.settings.timezone,
              earlySeconds: store.settings.earlySeconds,
              fileName,
              onProgress: progress,
            }),
          );
          if (!done.report) throw new Error(done.error ?? 'ingest failed');
          const r = done.report;
          await auditIngest(store.db, { actor: 'inbox', action: 'inbox' }, { ...r, fileName });
          return r;
        },
      })
    : null;
  if (opts.inbox) console.log(`Watching ${opts.inbox} for CDR and dimension files`);
  const schedule = opts.reportSchedule?.cron
    ? startReportSchedule(store.db, store.settings, {
        setting: { ...opts.reportSchedule, cron: opts.reportSchedule.cron },
        outDir: join(store.dataDir, 'reports'),
        chromiumPath: opts.chromiumPath,
      })
    : null;
  if (schedule)
    console.log(
      `Weekly report: "${opts.reportSchedule!.cron}" (${store.settings.timezone}), next run ${schedule.nextRun()?.toISOString() ?? 'never'}, files in ${join(store.dataDir, 'reports')}`,
    );
  const stop = () => {
    schedule?.stop();
    void inbox?.close();
    server.close();
    store.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
