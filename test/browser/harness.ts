import { serve } from '@hono/node-server';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app.ts';
import { IngestJobs } from '../../server/ingest/jobs.ts';
import { mountWeb } from '../../server/serve.ts';
import { CHROMIUM_ARGS } from '../../server/report/pdf.ts';
import { loadSample, openStore, type Store } from '../../server/store.ts';
import { webBuildStale } from '../../server/web-build.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium fonts-noto-cjk';

/** Fails (never skips) when the browser or the Chinese fonts the screenshots need are missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}; the browser tests need it. Install it: ${INSTALL} (or set CHROMIUM_PATH).`,
    );
  }
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (fonts.status === 0 && fonts.stdout.trim() === '') {
    throw new Error(`No Chinese font installed, so zh-CN pages would render as boxes. Install one: ${INSTALL}`);
  }
}

/** Chromium with the flags this closed network needs, plus `extraArgs` (e.g. host-resolver rules). */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs], headless: true });
}

/**
 * Builds web/ with Vite's API when the build is missing or stale. Test files run in parallel
 * workers, so one builds while the others wait on a lock directory.
 */
export async function buildWebIfStale(): Promise<void> {
  const lock = join(ROOT, 'web', '.build-lock');
  for (;;) {
    if (!webBuildStale()) return;
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    // Vitest sets NODE_ENV=test, which Vite would honour with a non-production build (dev
    // checks, other chunks). Build exactly what `npm start` ships, since it reuses this dist.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      if (webBuildStale())
        await build({ configFile: join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = nodeEnv;
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface TestServer {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** The real app (API + built dashboard) on a random port, over a temporary database of generated calls. */
export async function startServer(calls = 30_000, opts: { chromiumPath?: string } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hangup-browser-'));
  const settings = { timezone: 'Asia/Shanghai', earlySeconds: 10 };
  const store = await openStore(join(dir, 'calls.duckdb'), settings);
  const report = await loadSample(store, { calls, seed: 42 });
  if (report.status !== 'loaded') throw new Error(`sample did not load: ${report.message}`);
  // The upload routes as `serve` mounts them on loopback (open writes, the default 512 MiB limit).
  const ingest = {
    dataDir: store.dataDir,
    policy: { host: '127.0.0.1' },
    maxUploadBytes: 512 * 1_048_576,
    jobs: new IngestJobs(),
  };
  const app = createApp({ db: store.db, settings, chromiumPath: opts.chromiumPath, extend: mountWeb, ingest });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    async close() {
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((r) => server.close(r));
      store.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects what must never happen on a page: console errors, uncaught errors, failed or 4xx/5xx requests. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  return problems;
}

/** Waits until the page has its title, nothing is loading and every chart has drawn its SVG. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      !!document.querySelector('main h1') &&
      document.querySelectorAll('[aria-busy="true"]').length === 0 &&
      [...document.querySelectorAll('[data-chart]')].every((el) => el.querySelector('svg')),
    undefined,
    { timeout: 20_000 },
  );
}

/** Every text drawn inside a chart's SVG (axis labels, cell labels). */
export function chartTexts(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} svg text`).allTextContents();
}

/**
 * Registers the shared set-up of a browser test file (Chromium, build, server over `calls`
 * generated calls, 30,000 by default; `chromiumPath` for the server's PDF export) and returns
 * its getter. A set-up failure, such as Chromium missing, is rethrown by every test, so each test
 * fails with the install message instead of being reported as skipped.
 */
export function useDashboard(
  opts: { calls?: number; chromiumPath?: string } = {},
): () => { server: TestServer; browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let failure: Error | undefined;
  beforeAll(async () => {
    try {
      browser = await launchChromium();
      await buildWebIfStale();
      server = await startServer(opts.calls, { chromiumPath: opts.chromiumPath });
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return () => {
    if (failure) throw failure;
    return { server: server!, browser: browser! };
  };
}
