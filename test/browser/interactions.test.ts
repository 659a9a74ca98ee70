import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, chartTexts, settled, useDashboard, watch } from './harness.ts';

// Polls that wait on a new API answer get time for a loaded CI machine (the ingest tests run
// alongside); expect.poll's default is one second.
const SERVER_WORK = { timeout: 20_000 };
const env = useDashboard();
const base = () => env().server.url;

async function open(path: string, locale = 'en-US'): Promise<{ page: Page; problems: string[] }> {
  const page = await env().browser.newPage({ viewport: { width: 1400, height: 900 }, locale, acceptDownloads: true });
  const problems = watch(page);
  await page.goto(`${base()}${path}`);
  await settled(page);
  return { page, problems };
}

const kpi = (page: Page, metric: string) => page.locator(`[data-kpi=${metric}]`).getAttribute('data-value');
const api = async <T>(path: string) => (await (await fetch(`${base()}${path}`)).json()) as T;

describe('the URL holds the view', () => {
  it('changing a filter changes the URL and the numbers; reload restores them; back undoes it', async () => {
    const { page, problems } = await open('/?lang=en');
    const before = await kpi(page, 'dials');
    expect(Number(before)).toBe(30_000);

    await page.click('[data-filter=segment] summary');
    await page.check('[data-filter=segment] input[value=retired]');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('segment')).toEqual(['retired']);
    await expect.poll(() => kpi(page, 'dials'), SERVER_WORK).not.toBe(before);
    await settled(page);
    const filtered = await kpi(page, 'dials');
    const filteredRate = await kpi(page, 'hangupRate');
    expect(Number(filtered)).toBeLessThan(30_000);
    expect(await page.locator('[data-filter=segment] summary').textContent()).toContain('Retired');

    await page.reload();
    await settled(page);
    expect(await kpi(page, 'dials')).toBe(filtered);
    expect(await kpi(page, 'hangupRate')).toBe(filteredRate);
    await page.click('[data-filter=segment] summary');
    expect(await page.isChecked('[data-filter=segment] input[value=retired]')).toBe(true);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.has('segment')).toBe(false);
    await expect.poll(() => kpi(page, 'dials'), SERVER_WORK).toBe(before);
    await page.goForward();
    await expect.poll(() => kpi(page, 'dials'), SERVER_WORK).toBe(filtered);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('page links keep the filters and language; toggles are links too', async () => {
    const { page, problems } = await open('/?lang=en&numberTag=marked_spam&from=2026-10-01');
    await page.click('[data-nav="/when"]');
    await settled(page);
    const q = new URL(page.url()).searchParams;
    expect(new URL(page.url()).pathname).toBe('/when');
    expect([q.get('lang'), q.get('numberTag'), q.get('from')]).toEqual(['en', 'marked_spam', '2026-10-01']);
    await page.click('[data-metric=connect]');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('connect');
    await page.reload();
    await settled(page);
    expect(await page.locator('[data-card=heatmap] h2').textContent()).toBe('Connect rate by hour and weekday');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the /when heatmap', () => {
  it('shows 7 weekday rows, and 7 in each small multiple per segment', async () => {
    const { page, problems } = await open('/when?lang=en');
    const texts = await chartTexts(page, '[data-chart=heatmap]');
    for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'])
      expect(texts.filter((x) => x === d)).toHaveLength(1);

    await page.click('[data-split=segment]');
    await settled(page);
    const panels = page.locator('[data-chart=heatmap-small]');
    await expect.poll(() => panels.count(), SERVER_WORK).toBe(5);
    for (let i = 0; i < 5; i++) {
      const t = await panels.nth(i).locator('svg text').allTextContents();
      expect(t.filter((x) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)$/.test(x))).toHaveLength(7);
    }
    // One colour scale on the screen: the combined map and the panels show the same key, centred
    // on the overall rate of the view.
    const keys = await page.locator('[data-heat-legend]').allTextContents();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    const summary = await api<{ hangupRate: number }>('/api/summary');
    expect(keys[0]).toContain(`Hang-up rate overall ${(summary.hangupRate * 100).toFixed(1)}%`);
    expect(keys[0]).toMatch(/better ←.*→ worse/s);
    // Hovering a cell shows its tooltip and nothing else: no stray value on a colour bar.
    const box = (await page.locator('[data-chart=heatmap] svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    expect(await page.locator('[data-chart=heatmap] svg text').allTextContents()).not.toContain('0');
    await page.screenshot({ path: join(SCREENSHOTS, 'when-by-segment-en.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has a table view and a CSV with the same numbers as the API', async () => {
    const { page, problems } = await open('/when?lang=en&segment=student');
    const cells = (await api<{ cells: unknown[] }>('/api/heatmap?x=hour&y=weekday&segment=student')).cells;
    await page.click('[data-card=heatmap] [data-action=table]');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('table')).toEqual(['heatmap']);
    await expect.poll(() => page.locator('table[data-table=heatmap] tbody tr').count(), SERVER_WORK).toBe(cells.length);
    expect(await page.locator('table[data-table=heatmap] td.muted').count()).toBeGreaterThan(0); // students: small cells
    await page.screenshot({ path: join(SCREENSHOTS, 'when-table-en.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-card=heatmap] button.csv')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // <chart>-<from>_<to>[-filters].csv: the data's range (no dates picked) and the segment filter.
    const bounds = await api<{ firstDate: string; lastDate: string }>('/api/dimensions');
    expect(download.suggestedFilename()).toBe(`heatmap-${bounds.firstDate}_${bounds.lastDate}-segment=student.csv`);
    expect(csv.startsWith('\uFEFF')).toBe(true); // BOM: Excel then reads UTF-8 Chinese correctly
    const lines = csv.slice(1).trimEnd().split(/\r\n/);
    // The hang-up rate's denominator is the answered calls whose hang-up party is known (issue 9).
    expect(lines[0]).toBe('Weekday,Hour,Hang-up rate,Early hang-ups,Known party,95% low,95% high');
    expect(lines).toHaveLength(cells.length + 1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('language', () => {
  it('switching language switches the labels and the URL', async () => {
    const { page, problems } = await open('/when?lang=en');
    expect(await page.locator('[data-nav="/when"]').textContent()).toContain('When to call');
    await page.click('[data-lang=zh-CN]');
    await expect.poll(() => new URL(page.url()).searchParams.get('lang')).toBe('zh-CN');
    await expect.poll(() => page.locator('[data-nav="/when"]').textContent()).toContain('呼叫时段');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect.poll(() => chartTexts(page, '[data-chart=heatmap]')).toContain('周一');
    expect(await page.locator('main h1').textContent()).toBe('呼叫时段');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts from the browser language and writes it into the URL', async () => {
    for (const [locale, lang, overview] of [
      ['zh-CN', 'zh-CN', '概览'],
      ['de-DE', 'en', 'Overview'],
    ] as const) {
      const { page } = await open('/', locale);
      expect(new URL(page.url()).searchParams.get('lang')).toBe(lang);
      expect(await page.locator('[data-nav="/"]').textContent()).toContain(overview);
      await page.close();
    }
  });
});

describe('KPIs', () => {
  it('show the same values as the API for the same filters', async () => {
    const query = 'from=2026-10-01&to=2026-10-15&campaign=car_renewal&numberTag=verified&numberTag=unmarked';
    const { page, problems } = await open(`/?lang=en&${query}`);
    const s = await api<Record<string, number>>(`/api/summary?${query}`);
    expect(s.dials).toBeGreaterThan(0);
    for (const m of ['dials', 'connectRate', 'hangupRate', 'rejectionRate', 'conversionRate']) {
      expect(Number(await kpi(page, m)), m).toBe(s[m]);
    }
    expect(await page.locator('[data-kpi=hangupRate] .value').textContent()).toBe(
      `${(s.hangupRate! * 100).toFixed(1)}%`,
    );
    // The change is against the 14 days before, with the same filters.
    const prev = await api<Record<string, number>>(
      `/api/summary?${query.replace('from=2026-10-01&to=2026-10-15', 'from=2026-09-17&to=2026-10-01')}`,
    );
    const pp = ((s.hangupRate! - prev.hangupRate!) * 100).toFixed(1);
    expect(await page.locator('[data-kpi=hangupRate] .delta').textContent()).toContain(
      `${pp.startsWith('-') ? pp : `+${pp}`} pp vs previous 14 days`,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('states', () => {
  it('says so when no calls match the filters', async () => {
    const { page, problems } = await open('/?lang=en&from=2030-01-01&to=2030-01-08');
    expect(await page.locator('[data-empty]').first().textContent()).toBe('No calls match these filters.');
    expect(await page.locator('[data-kpi]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'empty-en.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an error with a retry when the API fails', async () => {
    const page = await env().browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.route('**/api/breakdown?*by=date*', (r) =>
      r.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal error"}' }),
    );
    await page.goto(`${base()}/?lang=en`);
    const alert = page.locator('[data-card=trend] [role=alert]');
    await expect.poll(() => alert.textContent()).toContain('Could not load this: internal error');
    await page.screenshot({ path: join(SCREENSHOTS, 'error-en.png'), fullPage: true });
    await page.unroute('**/api/breakdown?*by=date*');
    await alert.locator('button').click();
    await expect.poll(() => page.locator('[data-chart=trend] svg').count(), SERVER_WORK).toBe(1);
    await page.close();
  });
});
