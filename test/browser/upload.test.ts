import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { IngestJobs } from '../../server/ingest/jobs.ts';
import type { WritePolicy } from '../../server/routes/write-guard.ts';
import { mountWeb } from '../../server/serve.ts';
import { ROOT, SCREENSHOTS, settled, useDashboard, watch } from './harness.ts';

const env = useDashboard();
const WITH_REJECTS = join(ROOT, 'sample-data', 'examples', 'with-rejects.csv');
const GBK = join(ROOT, 'sample-data', 'formats', 'cn_export_gbk.csv');
const TOKEN = 'browser-test-token-0123456789';
// A file loads in a second or two next to the 30,000 sample calls; expect.poll waits 1 s by default.
const SLOW = { timeout: 20_000 };

async function open(path: string, base = env().server.url): Promise<{ page: Page; problems: string[] }> {
  const page = await env().browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const problems = watch(page);
  await page.goto(`${base}${path}`);
  await settled(page);
  return { page, problems };
}

/** Drops files on the zone the way a browser does: a drop event carrying a DataTransfer. */
async function drop(page: Page, files: { name: string; bytes?: number[]; size?: number }[]): Promise<void> {
  const dt = await page.evaluateHandle((list) => {
    const t = new DataTransfer();
    // `size` makes a file of that many bytes in the page, rather than sending them over.
    for (const f of list)
      t.items.add(
        new File([f.bytes ? new Uint8Array(f.bytes) : new Uint8Array(f.size!).fill(97)], f.name, { type: 'text/csv' }),
      );
    return t;
  }, files);
  await page.dispatchEvent('[data-dropzone]', 'drop', { dataTransfer: dt });
}

const item = (page: Page) => page.locator('[data-upload-item]').first();
const count = (page: Page, key: string) => item(page).locator(`[data-count=${key}]`).getAttribute('data-value');
const storedCalls = (page: Page) => page.locator('[data-facts] dd[data-value]').getAttribute('data-value');

/** The same store served again under another write policy (as on a non-loopback address). */
async function policyServer(policy: WritePolicy, maxUploadBytes = 512 * 1_048_576) {
  const { store } = env().server;
  const ingest = { dataDir: store.dataDir, policy, maxUploadBytes, jobs: new IngestJobs() };
  const server = serve({
    fetch: createApp({ db: store.db, settings: store.settings, extend: mountWeb, ingest }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  });
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('uploading on /data', () => {
  it('shows the live bar, the result, the history row with its rejects, and a repeat as already ingested', async () => {
    const { page, problems } = await open('/data?lang=en');
    const before = Number(await storedCalls(page));
    expect(await page.locator('table[data-table=ingests] tbody tr[data-row]').count()).toBe(1);

    // Hold the job at "checking" for a moment, so the bar can be seen and photographed.
    let polls = 0;
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/ingest/jobs/*', async (route) => {
      polls++;
      if (polls === 1) {
        const response = await route.fetch();
        const job = await response.json();
        return route.fulfill({
          response,
          json: { ...job, state: 'running', phase: 'checking', fraction: 0.6, report: null },
        });
      }
      if (polls === 2) await held;
      return route.continue();
    });
    await page.setInputFiles('[data-upload-input]', WITH_REJECTS);
    const bar = item(page).locator('[role=progressbar]');
    await expect.poll(() => bar.getAttribute('aria-valuenow')).toBe('79');
    expect(await item(page).locator('.phase').textContent()).toBe('Checking rows · 79%');
    await page.screenshot({ path: join(SCREENSHOTS, 'data-upload-progress-en.png') });
    release();

    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('loaded');
    await page.unroute('**/api/ingest/jobs/*');
    expect(await count(page, 'rowsRead')).toBe('8');
    expect(await count(page, 'inserted')).toBe('3');
    expect(await count(page, 'duplicates')).toBe('1');
    expect(await count(page, 'rejected')).toBe('4');
    expect(await count(page, 'unknownParty')).toBe('0');
    // The stored format name (`canonical`, was the reader's kind `csv`), shown as stored until the page labels it.
    expect(await item(page).locator('.ok').textContent()).toMatch(/^Loaded as #2 · canonical · [\d.]+ sec$/);

    // The history and the stored-calls count refresh without a reload.
    const rows = page.locator('table[data-table=ingests] tbody tr[data-row]');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(async () => Number(await storedCalls(page))).toBe(before + 3);
    await settled(page);
    const row = rows.filter({ hasText: 'with-rejects.csv' });
    expect(await row.locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['with-rejects.csv', 'loaded', 'canonical · utf-8', '8', '3', '1', '4']),
    );
    // Its message reads on a line of its own under the row, across the table, not in a squeezed last column.
    const note = row.locator('xpath=following-sibling::tr[1]').locator('[data-prose=message]');
    expect(await note.textContent()).toMatch(/^Message\s+\S/);
    expect((await note.boundingBox())!.width).toBeGreaterThan(600);
    // Every column, the actions included, fits the card on a laptop: no sideways scroll.
    const overflow = await page
      .locator('table[data-table=ingests]')
      .evaluate((t) => t.parentElement!.scrollWidth - t.parentElement!.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-rejects]').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('ingest-2-rejects.csv');
    expect(csv).toContain('disposition: unknown value');
    expect(csv.trimEnd().split('\n')).toHaveLength(5); // header + the 4 rejected rows
    await page.screenshot({ path: join(SCREENSHOTS, 'data-upload-result-en.png'), fullPage: true });
    // The Chinese page links the same rows with their reasons in Chinese.
    const zh = await open('/data?lang=zh-CN');
    const zhRow = zh.page.locator('table[data-table=ingests] tbody tr[data-row]', { hasText: 'with-rejects.csv' });
    const [zhDownload] = await Promise.all([zh.page.waitForEvent('download'), zhRow.locator('[data-rejects]').click()]);
    expect(zhDownload.suggestedFilename()).toBe('ingest-2-rejects-zh.csv');
    const zhCsv = readFileSync((await zhDownload.path())!, 'utf8');
    expect(zhCsv).toContain('disposition：未知取值');
    expect(zhCsv.trimEnd().split('\n')).toHaveLength(5);
    expect(zh.problems).toEqual([]);
    await zh.page.close();

    // The same bytes again, dropped on the zone this time: recognised, nothing added.
    await drop(page, [{ name: 'with-rejects.csv', bytes: [...readFileSync(WITH_REJECTS)] }]);
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('repeated');
    // The earlier ingest is named once, with its file and time, from the message's part.
    expect((await item(page).locator('[data-repeated]').textContent())?.trim()).toMatch(
      /^Already ingested as #2 \(with-rejects\.csv, [A-Z][a-z]{2} \d{1,2}, 20\d\d, \d{1,2}:\d\d [AP]M\): nothing added\.$/,
    );
    await expect.poll(() => rows.count()).toBe(3);
    expect(Number(await storedCalls(page))).toBe(before + 3);

    // UTF-16 text is refused with the reason the server gives.
    await drop(page, [{ name: 'utf16.csv', bytes: [0xff, 0xfe, 0x63, 0x00, 0x61, 0x00, 0x6c, 0x00, 0x6c, 0x00] }]);
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('failed');
    expect(await item(page).locator('[role=alert]').textContent()).toMatch(/^The file could not be read: .*UTF-8/);
    await expect.poll(() => rows.count()).toBe(4);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in Chinese: a GBK export loads through the transcoding step; deleting its calls asks first', async () => {
    const { page, problems } = await open('/data?lang=zh-CN');
    const before = Number(await storedCalls(page));
    // The format override lists the server's formats; naming the one detection would pick is harmless.
    expect(await page.locator('[data-upload-format] option').count()).toBeGreaterThan(10);
    await page.selectOption('[data-upload-format]', 'cn_export');
    await page.setInputFiles('[data-upload-input]', GBK);
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('loaded');
    const inserted = Number(await count(page, 'inserted'));
    expect(inserted).toBeGreaterThan(0);
    expect(await item(page).locator('.ok').textContent()).toMatch(/^已导入为 #\d+ · cn_export · [\d.]+秒$/);
    await expect.poll(async () => Number(await storedCalls(page))).toBe(before + inserted);
    await settled(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'data-upload-result-zh-CN.png'), fullPage: true });

    const row = page.locator('table[data-table=ingests] tbody tr[data-row]').filter({ hasText: 'cn_export_gbk.csv' });
    await row.locator('[data-delete]').click();
    const dialog = page.locator('dialog[data-confirm-delete]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain(`删除 ${inserted} 条通话`);
    await page.screenshot({ path: join(SCREENSHOTS, 'data-delete-confirm-zh-CN.png') });
    await dialog.locator('[data-action=confirm-delete]').click();
    await expect
      .poll(() => page.locator('[data-notice]').textContent())
      .toBe(`已删除 cn_export_gbk.csv 的 ${inserted} 条通话。`);
    await expect.poll(async () => Number(await storedCalls(page))).toBe(before);
    await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('已删除');
    expect(await row.locator('[data-delete]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a scripts file uploaded here names the lines with their wording on the other pages, no reload needed', async () => {
    const { page, problems } = await open('/data?lang=en');
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.setInputFiles('[data-upload-input]', join(ROOT, 'sample-data', 'formats', 'dim_scripts.csv'));
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('loaded');
    await page.click('[data-nav="/scripts"]');
    await settled(page);
    await page.click('[data-filter=script] summary');
    await expect
      .poll(() => page.locator('[data-filter=script] .opt').allTextContents(), SLOW)
      .toContain('Line B — Hello, this is Anna…');
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the write rule on /data', () => {
  // Issue 11: off loopback every /api route needs a token, so the page asks for one first.
  it('with no users and no token off loopback, the page says nobody can sign in yet', async () => {
    const srv = await policyServer({ host: '0.0.0.0' });
    try {
      const { page, problems } = await open('/data?lang=en', srv.url);
      await expect
        .poll(() => page.locator('[data-signin-closed]').textContent())
        .toContain('has no users: add one with `npm run hangup -- users add NAME --role admin`');
      expect(await page.locator('[data-dropzone]').count()).toBe(0);
      expect(await page.locator('[data-facts]').count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'data-upload-off-en.png') });
      expect(problems).toEqual([]);
      await page.close();
    } finally {
      await srv.close();
    }
  });

  it('with the upload token: signs in as uploader, keeps it in sessionStorage only, says so when it is wrong, refuses files over the limit, cannot delete', async () => {
    const srv = await policyServer({ host: '0.0.0.0', token: TOKEN }, 1_048_576);
    try {
      const { page, problems } = await open('/data?lang=en', srv.url);
      const tokenInput = page.locator('[data-signin-token]');
      await expect.poll(() => tokenInput.count()).toBe(1);

      await tokenInput.fill('wrong-token-0123456789');
      await tokenInput.press('Enter');
      await expect
        .poll(() => page.locator('[data-signin-error]').textContent())
        .toBe('The server does not know this token.');
      // The refused request is the one expected problem (Chromium logs it to the console too).
      expect(problems.splice(0)).toEqual([
        expect.stringMatching(/^HTTP 401: .*\/api\/session$/),
        expect.stringMatching(/^console error: .*401/),
      ]);

      await tokenInput.fill(TOKEN);
      await tokenInput.press('Enter');
      await expect.poll(() => page.locator('[data-facts]').count(), SLOW).toBe(1);
      await settled(page);
      expect(await page.locator('[data-signed-in]').getAttribute('data-signed-in')).toBe('uploader');
      await drop(page, [{ name: 'big.csv', size: 1_100_000 }]);
      await expect
        .poll(() => item(page).locator('[role=alert]').textContent())
        .toBe('The file is larger than the upload limit of 1 MiB.');
      await page.screenshot({ path: join(SCREENSHOTS, 'data-upload-errors-en.png') });

      // Once the file settles, the page reloads what it shows (past the API client's cache).
      const refreshed = Promise.all(
        ['/api/dimensions', '/api/health', '/api/ingests', '/api/ingest/status'].map((path) =>
          page.waitForResponse((r) => new URL(r.url()).pathname === path, SLOW).then((r) => r.finished()),
        ),
      );
      await page.setInputFiles('[data-upload-input]', join(ROOT, 'sample-data', 'examples', 'canonical-small.csv'));
      await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('loaded');
      await refreshed;
      expect(await page.evaluate(() => [sessionStorage.getItem('hangup.uploadToken'), localStorage.length])).toEqual([
        TOKEN,
        0,
      ]);
      expect(page.url()).not.toContain(TOKEN);
      // An uploader cannot delete: no delete buttons.
      expect(await page.locator('[data-delete]').count()).toBe(0);
      // A reload in the same tab keeps the sign-in.
      await page.reload();
      await settled(page);
      await expect.poll(() => page.locator('[data-facts]').count()).toBe(1);
      expect(problems).toEqual([]);
      // Signing out forgets the token and asks again.
      await page.locator('[data-sign-out]').click();
      await expect.poll(() => page.locator('[data-signin-token]').count(), SLOW).toBe(1);
      expect(await page.evaluate(() => sessionStorage.getItem('hangup.uploadToken'))).toBeNull();
      await page.close();
    } finally {
      await srv.close();
    }
  });
});
