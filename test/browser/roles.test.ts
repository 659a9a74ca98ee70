import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { UserDirectory } from '../../server/auth/users.ts';
import { IngestJobs } from '../../server/ingest/jobs.ts';
import { mountWeb } from '../../server/serve.ts';
import { loadSample, openStore, type Store } from '../../server/store.ts';
import { buildWebIfStale, launchChromium, ROOT, settled, watch } from './harness.ts';
import { rawMessageKeys } from './message-keys.ts';

// Issue 11: bound off loopback, the dashboard signs in and shows each role only what it may do.
let dir: string;
let store: Store;
let browser: Browser;
let url: string;
let close: () => Promise<unknown>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  browser = await launchChromium();
  await buildWebIfStale();
  dir = mkdtempSync(join(tmpdir(), 'hangup-roles-'));
  store = await openStore(join(dir, 'h.duckdb'), { timezone: 'Asia/Shanghai', earlySeconds: 10 });
  await loadSample(store, { calls: 3000, seed: 5 });
  const users = new UserDirectory(store.db, 0);
  for (const [name, role] of [
    ['vera', 'viewer'],
    ['ada', 'admin'],
  ] as const)
    tokens[role] = (await users.add(name, role)).token;
  // The policy `serve` builds for HOST=0.0.0.0; the browser reaches it as 127.0.0.1 (a loopback name).
  const app = createApp({
    db: store.db,
    settings: store.settings,
    extend: mountWeb,
    ingest: { dataDir: store.dataDir, policy: { host: '0.0.0.0' }, maxUploadBytes: 1 << 24, jobs: new IngestJobs() },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((r) => server.close(r));
});

afterAll(async () => {
  await browser?.close();
  await close?.();
  store?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signedIn(role: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const problems = watch(page);
  await page.goto(`${url}/data?lang=en`);
  // The sign-in page brings its own texts (messages/signin.ts): none shows as a raw key.
  await page.locator('[data-signin-token]').waitFor();
  expect(await rawMessageKeys(page)).toEqual([]);
  await page.locator('[data-signin-token]').fill(tokens[role]!);
  await page.locator('[data-signin-token]').press('Enter');
  await expect.poll(() => page.locator('[data-facts]').count(), { timeout: 20_000 }).toBe(1);
  await settled(page);
  expect(await rawMessageKeys(page)).toEqual([]);
  return { page, problems };
}

describe('roles on the dashboard', () => {
  it('a viewer reads everything, sees no upload zone, no delete and no rejects links, and the audit log', async () => {
    const { page, problems } = await signedIn('viewer');
    expect(await page.locator('[data-signed-in]').textContent()).toContain('Signed in as vera (viewer)');
    expect(await page.locator('[data-dropzone]').count()).toBe(0);
    expect(await page.locator('[data-delete]').count()).toBe(0);
    expect(await page.locator('[data-card=audit]').count()).toBe(1);
    // Other pages read with the token too.
    await page.goto(`${url}/when?lang=en`);
    await settled(page);
    expect(await page.locator('[data-signin-token]').count()).toBe(0);
    // The report preview is fetched by its own component: the token goes along there too.
    await page.goto(`${url}/reports?lang=en`);
    await settled(page);
    await expect.poll(() => page.locator('[data-report-preview]').count(), { timeout: 20_000 }).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an admin uploads and deletes; both writes show in the audit card', async () => {
    const { page, problems } = await signedIn('admin');
    expect(await page.locator('[data-dropzone]').count()).toBe(1);
    await page.setInputFiles('[data-upload-input]', join(ROOT, 'sample-data', 'examples', 'canonical-small.csv'));
    await expect
      .poll(() => page.locator('[data-upload-item]').first().getAttribute('data-state'), { timeout: 20_000 })
      .toBe('loaded');
    const del = page.locator('[data-delete]').first();
    await expect.poll(() => del.count(), { timeout: 20_000 }).toBe(1);
    await del.click();
    await page.locator('[data-action=confirm-delete]').click();
    await expect.poll(() => page.locator('[data-notice]').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(async () => (await page.locator('[data-card=audit] tbody tr').allTextContents()).join('\n'), {
        timeout: 20_000,
      })
      .toMatch(/ada \(admin\)delete[\s\S]*ada \(admin\)upload/);
    // A rejects link is a plain <a href="/api/…">: the page fetches it with the token and saves it.
    await page.setInputFiles('[data-upload-input]', join(ROOT, 'sample-data', 'examples', 'with-rejects.csv'));
    const link = page.locator('[data-rejects-link]').first();
    await expect.poll(() => link.count(), { timeout: 20_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^ingest-\d+-rejects\.csv$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
