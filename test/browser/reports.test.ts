import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ingestStray2023 } from '../report/fixture.ts';
import { SCREENSHOTS, settled, useDashboard, watch } from './harness.ts';
import { sideScroll } from './layout.ts';

// No Chromium for the server's PDF export: the page must say so and keep the other formats.
// Polls that wait on the server generating something (a report, an A/B analysis) get time
// for a loaded CI machine; expect.poll's default is one second.
const SERVER_WORK = { timeout: 20_000 };
const env = useDashboard({ chromiumPath: '/nonexistent/chromium' });

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await env().browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const problems = watch(page);
  await page.goto(`${env().server.url}${path}`);
  await settled(page);
  return { page, problems };
}
const preview = (page: Page) => page.frameLocator('iframe[data-report-preview]');

describe('/reports', () => {
  it('defaults to the last complete week, previews it sandboxed, steps through weeks in the URL', async () => {
    const { page, problems } = await open('/reports?lang=en');
    expect(await page.locator('[data-week]').inputValue()).toBe('2026-W44');
    await expect
      .poll(() => preview(page).locator('h1').textContent(), SERVER_WORK)
      .toBe('Weekly hang-up report · 2026-W44');
    expect(await page.locator('iframe[data-report-preview]').getAttribute('sandbox')).toBe('');
    // The bar's date range (default or picked) never applies to a weekly report: the page says so.
    expect(await page.locator('[data-dates-ignored]').count()).toBe(1);
    await page.click('[data-week-step="-1"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('week')).toBe('2026-W43');
    await expect
      .poll(() => preview(page).locator('h1').textContent(), SERVER_WORK)
      .toBe('Weekly hang-up report · 2026-W43');
    // the report's own language switch; the dashboard stays in English
    await page.click('[data-report-lang=zh]');
    await expect.poll(() => preview(page).locator('h1').textContent(), SERVER_WORK).toContain('2026-W43');
    expect(await preview(page).locator('h1').textContent()).toMatch(/周报/);
    expect(await page.locator('main h1').textContent()).toBe('Weekly report');
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.locator('[data-week]').inputValue()).toBe('2026-W44');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(['xlsx', 'csv'])('downloads the %s with the server’s file name and the filters', async (format) => {
    const { page, problems } = await open('/reports?lang=en&segment=retired&from=2026-10-01');
    // the date filter does not apply to a weekly report, and the page says so instead of failing
    expect(await page.locator('[data-dates-ignored]').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download=${format}]`)]);
    expect(download.suggestedFilename()).toBe(`hangup-report-2026-W44-en-filtered.${format}`);
    const bytes = readFileSync((await download.path())!);
    if (format === 'xlsx')
      expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip container
    else expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a phone the preview keeps each metric name on one line; wide tables scroll on their own', async () => {
    const page = await env().browser.newPage({ viewport: { width: 390, height: 900 } });
    const problems = watch(page);
    await page.goto(`${env().server.url}/reports?lang=zh-CN`);
    await settled(page);
    const frame = preview(page);
    await expect.poll(() => frame.locator('h1').textContent(), SERVER_WORK).toContain('2026-W44');
    // Line boxes of each first-column label: squeezed, 外呼量 took three.
    const lines = await frame.locator('table.kpi tbody td:first-child').evaluateAll((cells) =>
      cells.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return [td.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
      }),
    );
    expect(lines.length).toBeGreaterThan(4);
    for (const [name, n] of lines) expect(n, String(name)).toBe(1);
    const page390 = await frame.locator('body').evaluate((b) => b.scrollWidth - b.clientWidth);
    expect(page390).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-390-zh-CN.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('without Chromium on the server, the PDF button turns off with the server’s message', async () => {
    const { page, problems } = await open('/reports?lang=zh-CN');
    await page.click('[data-download=pdf]');
    const message = page.locator('[data-pdf-unavailable]');
    await expect.poll(() => message.count(), SERVER_WORK).toBe(1);
    expect(await message.textContent()).toContain('apt-get install -y chromium fonts-noto-cjk');
    expect(await page.isDisabled('[data-download=pdf]')).toBe(true);
    expect(await page.isEnabled('[data-download=xlsx]')).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'reports-no-pdf-zh-CN.png'), fullPage: true });
    // The 503 is the answer the page handles (Chromium logs every failed fetch as a console
    // error too); nothing else may fail.
    expect(problems.filter((p) => !/\b503\b/.test(p))).toEqual([]);
    expect(problems.filter((p) => /\b503\b/.test(p))).toHaveLength(2);
    await page.close();
  });

  // Last in this file: it adds two stray calls from 2023 to the shared store.
  it('with stray calls years back: only weeks with calls, and at 390 px nothing scrolls sideways', async () => {
    const { store } = env().server;
    await ingestStray2023(store);
    for (const lang of ['en', 'zh-CN'] as const) {
      const page = await env().browser.newPage({ viewport: { width: 390, height: 844 } });
      const problems = watch(page);
      await page.goto(`${env().server.url}/reports?lang=${lang}&week=2026-W37`);
      await settled(page);
      // The picker: the sample's 8 weeks and 2023-W30 (incomplete), not the ~170 ISO weeks between.
      const options = await page
        .locator('[data-week] option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(options).toHaveLength(9);
      expect(options.at(-1)).toBe('2023-W30');
      expect(options.slice(0, -1).every((w) => w.startsWith('2026-'))).toBe(true);
      // ‹ from the first week of 2026 goes to the stray week, not into an empty one.
      await page.click('[data-week-step="-1"]');
      await expect.poll(() => new URL(page.url()).searchParams.get('week')).toBe('2023-W30');
      expect(await page.isDisabled('[data-week-step="-1"]')).toBe(true);
      // The longest option ("… (incomplete)") made the select push the › button off the screen.
      expect(await sideScroll(page)).toBeLessThanOrEqual(0);
      const next = await page.locator('[data-week-step="1"]').boundingBox();
      expect(next!.x + next!.width).toBeLessThanOrEqual(390);
      // The label keeps to one line ("周次" broke into 周 / 次).
      const label = page.locator('label.week > span');
      const lines = await label.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((b) => Math.round(b.top))).size;
      });
      expect(lines).toBe(1);
      await page.screenshot({ path: join(SCREENSHOTS, `reports-390-weeks-${lang}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
