/**
 * One file of old calls must not stretch every view over years: with no dates picked, a store
 * whose data spans more than 90 days shows its last 90 days, and "All dates" is one click away.
 */
import type { Page } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { csv } from '../helpers/temp-store.ts';
import { SCREENSHOTS, settled, useDashboard, watch } from './harness.ts';

const env = useDashboard({ calls: 5_000 });

/** Opens a page and records the query of every /api/summary request it makes. */
async function open(path: string): Promise<{ page: Page; problems: string[]; summaries: URLSearchParams[] }> {
  const page = await env().browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = watch(page);
  const summaries: URLSearchParams[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname === '/api/summary') summaries.push(u.searchParams);
  });
  await page.goto(`${env().server.url}${path}`);
  await settled(page);
  return { page, problems, summaries };
}

const pressed = (page: Page, name: string) =>
  page.locator('[data-filter=dates] button', { hasText: name }).getAttribute('aria-pressed');

describe('the default dates', () => {
  let last = '';
  beforeAll(async () => {
    const { store } = env().server;
    last = ((await (await fetch(`${env().server.url}/api/dimensions`)).json()) as { lastDate: string }).lastDate;
    // A 2023 archive dropped next to this autumn's calls.
    const dir = mkdtempSync(join(tmpdir(), 'hangup-old-'));
    const path = join(dir, 'archive-2023.csv');
    writeFileSync(
      path,
      csv([
        {
          call_id: 'OLD-1',
          started_at: '2023-07-26T10:00:00+08:00',
          ended_at: '2023-07-26T10:00:20+08:00',
          talk_seconds: 0,
          disposition: 'no_answer',
          callee_id: '13800000000',
        },
      ]),
    );
    const r = await ingestFile(store.db, path, {
      dataDir: store.dataDir,
      businessTimezone: store.settings.timezone,
      earlySeconds: store.settings.earlySeconds,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe('loaded');
  });

  it('shows the last 90 days of the data, asks for them from the first request, and keeps "All dates" one click away', async () => {
    const { page, problems, summaries } = await open('/?lang=en');
    const to = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    // The page asked for the default dates and, for the KPIs' change, the 90 days before them:
    // no request went out for all dates first.
    const earlier = new Date(Date.parse(`${from}T00:00:00Z`) - 90 * 86_400_000).toISOString().slice(0, 10);
    expect(new Set(summaries.map((q) => `${q.get('from')}..${q.get('to')}`))).toEqual(
      new Set([`${from}..${to}`, `${earlier}..${from}`]),
    );
    expect(await pressed(page, 'Last 90 days')).toBe('true');
    expect(await pressed(page, 'All dates')).toBe('false');
    expect(await page.locator('[data-filter=dates] input[name=from]').inputValue()).toBe(from);
    // The default is not a filter to clear, and the URL stays clean.
    expect(await page.locator('.filters .clear').count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('from')).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'default-dates-en.png'), fullPage: true });
    // On a phone the folded filter bar counts only what the reader set: the default dates are not a filter.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.locator('[data-filter-count]').count()).toBe(0);
    await page.setViewportSize({ width: 1400, height: 900 });

    summaries.length = 0;
    await page.click('[data-filter=dates] button:has-text("All dates")');
    await expect.poll(() => new URL(page.url()).searchParams.get('range')).toBe('all');
    await settled(page);
    // The headline asks for every date (the KPIs' comparison still names its own window).
    expect(summaries.some((q) => !q.has('from') && !q.has('to'))).toBe(true);
    expect(await pressed(page, 'All dates')).toBe('true');
    expect(await page.locator('[data-filter=dates] input[name=from]').inputValue()).toBe('2023-07-26');

    // Another page keeps the choice.
    await page.click('nav a[href^="/when"]');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/when');
    expect(new URL(page.url()).searchParams.get('range')).toBe('all');
    expect(problems).toEqual([]);
    await page.close();
  });
});
