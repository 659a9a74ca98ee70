import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, settled, useDashboard, watch } from './harness.ts';
import { gridHoles, sideScroll } from './layout.ts';
import { rawMessageKeys } from './message-keys.ts';

const env = useDashboard();
mkdirSync(SCREENSHOTS, { recursive: true });

/** A laptop and a common phone. */
const LAPTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

/** A page of the dashboard, loaded and settled, with the problems seen while it runs. */
async function open(path: string, viewport = LAPTOP, locale?: string) {
  const { browser, server } = env();
  const page = await browser.newPage({ viewport, locale, deviceScaleFactor: 1, acceptDownloads: true });
  const problems = watch(page);
  await page.goto(`${server.url}${path}`);
  await settled(page);
  return { page, problems };
}

const api = async <T>(path: string) => (await (await fetch(`${env().server.url}${path}`)).json()) as T;

/** What each page must show once loaded, beyond "no errors". */
const PAGES: { path: string; check: (page: Page) => Promise<void> }[] = [
  {
    path: '/',
    check: async (p) => {
      // Five KPIs; six once the server sends the short-call rate (issue 9).
      await expect.poll(() => p.locator('[data-kpi]').count()).toBeGreaterThanOrEqual(5);
      // The headline rate leads the row: the first number a reader sees.
      expect(await p.locator('[data-kpi]').first().getAttribute('class')).toContain('headline');
      expect(await p.locator('[data-chart=trend] svg path').count()).toBeGreaterThan(2);
      expect(await p.locator('[data-chart=bars]').count()).toBe(2);
    },
  },
  {
    path: '/when',
    check: async (p) => {
      expect(await p.locator('[data-chart=heatmap] svg').count()).toBe(1);
      // The colour key says which end is good: blue better, red worse, for the hang-up rate.
      expect(await p.locator('[data-card=heatmap] [data-heat-legend]').getAttribute('data-direction')).toBe(
        'higher-worse',
      );
    },
  },
  {
    path: '/segments',
    check: async (p) => {
      expect(await p.locator('[data-chart=intervals] svg').count()).toBeGreaterThanOrEqual(2);
      expect(await p.locator('[data-chart=heatmap] svg').count()).toBe(1);
    },
  },
  {
    path: '/scripts',
    check: async (p) => {
      expect(await p.locator('[data-chart=intervals] svg circle').count()).toBe(4 + 12);
      // One verdict per line against the control, first thing on the page.
      expect(await p.locator('[data-verdicts] [data-verdict-arm]').count()).toBe(3);
      for (const v of await p
        .locator('[data-verdicts] [data-verdict-arm]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))) {
        expect(['better', 'worse', 'no_evidence', 'too_few']).toContain(v);
      }
      // Method details folded until asked for.
      expect(await p.locator('[data-chart=forest]').count()).toBe(0);
      await p.click('[data-details] summary');
      // <details> fires 'toggle' a task after the click: wait for the charts it opens to exist.
      await p.locator('[data-chart=forest] svg').waitFor();
      await settled(p);
      expect(await p.locator('[data-chart=forest] svg circle').count()).toBe(3);
      expect(await p.locator('[data-chart=survival] svg').count()).toBeGreaterThanOrEqual(1);
      expect(await p.locator('[data-km-sentences] li').count()).toBe(3);
      expect(await p.locator('table[data-table=ab-decision] tbody tr').count()).toBe(4);
    },
  },
  {
    path: '/numbers',
    check: async (p) => {
      expect(await p.locator('[data-chart=grouped-bars] svg').count()).toBe(1);
      expect(await p.locator('table[data-table=numbers] tbody tr').count()).toBe(40);
    },
  },
  {
    path: '/agents',
    check: async (p) => expect(await p.locator('table[data-table=agents] tbody tr').count()).toBeGreaterThanOrEqual(40),
  },
  {
    path: '/insights',
    check: async (p) => {
      expect(await p.locator('[data-card=rec-agents] [data-rec]').count()).toBeGreaterThanOrEqual(1);
      expect(await p.locator('[data-card=rec-windows] [data-rec]').count()).toBeGreaterThanOrEqual(1);
    },
  },
  { path: '/frequency', check: async (p) => expect(await p.locator('[data-chart=frequency] svg').count()).toBe(1) },
  {
    path: '/reports',
    check: async (p) => {
      await expect
        .poll(() => p.frameLocator('iframe[data-report-preview]').locator('h1').textContent(), { timeout: 20_000 })
        .toContain('2026-W44');
      expect(await p.locator('[data-download]').count()).toBe(4);
    },
  },
  {
    path: '/data',
    check: async (p) => {
      expect(await p.locator('table[data-table=ingests] tbody tr[data-row]').count()).toBe(1);
      // The sample's ingest has nothing to say: no empty "Message" line under its row.
      expect(await p.locator('table[data-table=ingests] tr[data-detail]').count()).toBe(0);
    },
  },
];

describe.each(['zh-CN', 'en'] as const)('every page in %s', (lang) => {
  it.each(PAGES)('$path loads with no console error and no failed request', async ({ path, check }) => {
    const { page, problems } = await open(`${path}?lang=${lang}`, LAPTOP, lang);
    await check(page);
    // At 1440 px every row of cards reaches the right edge: no empty grid column.
    expect(await gridHoles(page)).toEqual([]);
    expect(await sideScroll(page)).toBeLessThanOrEqual(0);
    expect(await page.locator('[role=alert]').count()).toBe(0);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    // Texts that lazily loaded pages register (messages/analysis.ts, data.ts) arrived with them.
    expect(await rawMessageKeys(page)).toEqual([]);
    const name = path === '/' ? 'overview' : path.slice(1);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${lang}.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});

// Phones: 390 x 844 (a common phone), and 360 px wide (the narrowest in common use).
describe.each(['zh-CN', 'en'] as const)('every page on a phone in %s', (lang) => {
  it.each(PAGES)('$path fits the screen: menu button, folded filters, no sideways scroll', async ({ path }) => {
    const { page, problems } = await open(`${path}?lang=${lang}`, PHONE, lang);
    const overflow = () => sideScroll(page);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // The nav hides behind the menu button; the filters behind theirs.
    expect(await page.locator('#main-nav').isVisible()).toBe(false);
    expect(await page.locator('[data-action=menu]').isVisible()).toBe(true);
    expect(await page.locator('#filters').isVisible()).toBe(false);
    // The header and the folded filter bar take little of the screen, and the bar does not stick.
    const mainTop = await page.locator('main').evaluate((m) => m.getBoundingClientRect().top);
    expect(mainTop).toBeLessThan(150);
    const name = path === '/' ? 'overview' : path.slice(1);
    await page.screenshot({ path: join(SCREENSHOTS, `phone-${name}-${lang}.png`), fullPage: true });
    // Narrower still: charts redraw to the new width (a resize observer), then nothing sticks out.
    await page.setViewportSize({ width: 360, height: 740 });
    await settled(page);
    await expect.poll(overflow, { timeout: 5_000 }).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('phone controls', () => {
  it('the menu opens the nav and a link closes it; the filter button counts the filters on', async () => {
    const { page, problems } = await open('/when?lang=en&segment=retired&segment=student&campaign=car_renewal', PHONE);
    expect(await page.locator('[data-filter-count]').textContent()).toBe('3');
    await page.click('[data-action=filters]');
    expect(await page.locator('#filters').isVisible()).toBe(true);
    await page.click('[data-action=menu]');
    expect(await page.locator('#main-nav').isVisible()).toBe(true);
    await page.click('#main-nav [data-nav="/segments"]');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/segments');
    expect(await page.locator('#main-nav').isVisible()).toBe(false);
    await settled(page);
    // Tables become cards that lead with the key and the rate.
    await page.click('[data-card=segments] [data-action=table]');
    const first = page.locator('table[data-table=segments] tbody tr').first();
    const [key, lead] = await Promise.all([
      first.locator('td.key').boundingBox(),
      first.locator('td.lead').boundingBox(),
    ]);
    expect(key!.y).toBeCloseTo(lead!.y, 0);
    expect(lead!.x + lead!.width).toBeLessThanOrEqual(390);
    // The other pairs read down a column: an interval's high right under its low, not zig-zagging.
    const [low, high] = await Promise.all([
      first.locator('td[data-label="95% low"]').boundingBox(),
      first.locator('td[data-label="95% high"]').boundingBox(),
    ]);
    expect(high!.x).toBeCloseTo(low!.x, 0);
    expect(high!.y).toBeCloseTo(low!.y + low!.height, 0);
    // The colour key keeps both ends on the scale's line ("→ worse" wrapped alone at 390 px).
    const ends = await page
      .locator('[data-heat-legend] .end')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    expect(ends.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ends.map(Math.round)).size).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'phone-segments-table-en.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a number never breaks from its unit or sign: table cards, the card header, the verdicts', async () => {
    /** How many lines each element's own text takes (not its ::before label), from `from` (a pattern) on. */
    const lines = (sel: string, from = '^') =>
      page.locator(sel).evaluateAll(
        (els, pattern) =>
          els.map((el) => {
            const text = el.firstChild!;
            const r = document.createRange();
            r.setStart(text, Math.max(0, text.textContent!.search(new RegExp(pattern))));
            r.setEnd(text, text.textContent!.length);
            return new Set([...r.getClientRects()].map((b) => Math.round(b.bottom))).size;
          }),
        from,
      );
    let { page, problems } = await open('/scripts?lang=en', PHONE);
    await expect.poll(async () => (await lines('table[data-table=ab-decision] td.num')).length).toBeGreaterThan(8);
    expect(new Set(await lines('table[data-table=ab-decision] td.num'))).toEqual(new Set([1]));
    // "Odds ratio 1.36 (95% CI 1.31–1.41), p < 0.001": the p-value from "p" on stays on one line.
    const basis = await lines('[data-verdicts] .basis', 'p\\s[<=]');
    expect(basis.length).toBeGreaterThan(0);
    expect(new Set(basis)).toEqual(new Set([1]));
    expect(problems).toEqual([]);
    await page.close();
    ({ page, problems } = await open('/agents?lang=en', PHONE));
    await expect.poll(async () => (await lines('table[data-table=agents] td.lead')).length).toBe(10);
    expect(new Set(await lines('table[data-table=agents] td.lead'))).toEqual(new Set([1]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a long table shows its first 10 cards and the rest on a tap; the CSV keeps every row', async () => {
    const { page, problems } = await open('/agents?lang=en', PHONE);
    const cards = page.locator('table[data-table=agents] tbody tr[data-row]');
    const all = (await api<{ rows: unknown[] }>('/api/breakdown?by=agent')).rows.length;
    expect(all).toBeGreaterThan(10);
    await expect.poll(() => cards.count()).toBe(10);
    expect(await page.locator('[data-every-row]').textContent()).toContain(`Show all ${all} rows`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-card=agents] button.csv')]);
    expect(
      readFileSync((await download.path())!, 'utf8')
        .trimEnd()
        .split('\n'),
    ).toHaveLength(all + 1);
    await page.click('[data-every-row]');
    await expect.poll(() => cards.count()).toBe(all);
    expect(await page.locator('[data-every-row]').count()).toBe(0);
    // Every card has a title (calls no agent took read "(none)").
    expect((await page.locator('table[data-table=agents] td.key').allTextContents()).every((k) => k.trim())).toBe(true);
    // A laptop shows every row from the start.
    await page.setViewportSize(LAPTOP);
    await page.reload();
    await settled(page);
    await expect.poll(() => cards.count()).toBe(all);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('on every page', () => {
  it('the agents table fits a 1440 px laptop in both languages: every column, no sideways scroll', async () => {
    for (const lang of ['en', 'zh-CN']) {
      const { page, problems } = await open(`/agents?lang=${lang}`);
      const box = page.locator('div.scroll:has(> table[data-table=agents])');
      await expect.poll(() => page.locator('table[data-table=agents] tbody tr').count()).toBeGreaterThan(10);
      expect(await page.locator('table[data-table=agents] th').count()).toBe(13);
      expect(await box.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('a filter lists its picks with the page language’s separator', async () => {
    for (const [lang, sep] of [
      ['en', ', '],
      ['zh-CN', '、'],
    ] as const) {
      const { page, problems } = await open(`/when?lang=${lang}&agent=a07&agent=a19`);
      expect(await page.locator('[data-filter=agent] summary .value').textContent()).toBe(`a07${sep}a19`);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('the glossary is one click away and states the metric definitions', async () => {
    const { browser, server } = env();
    const page = await browser.newPage({ viewport: LAPTOP });
    const problems = watch(page);
    for (const { path } of PAGES) {
      await page.goto(`${server.url}${path}?lang=en`);
      await settled(page);
      await page.click('[data-action=glossary]');
      const dialog = page.locator('dialog[data-glossary]');
      await expect.poll(() => dialog.isVisible()).toBe(true);
      await expect.poll(() => dialog.textContent()).toContain('hung up within 10 seconds of answering');
      // The hang-up rate's denominator has its own entry.
      expect(await dialog.locator('dt', { hasText: 'Known party' }).count()).toBe(1);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
    await page.goto(`${server.url}/when?lang=zh-CN`);
    await page.click('[data-action=glossary]');
    await expect.poll(() => page.locator('dialog[data-glossary]').textContent()).toContain('挂断率');
    expect(await page.locator('dialog[data-glossary] dt', { hasText: '挂断方已知' }).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'glossary-zh-CN.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('an unknown path shows the not-found page inside the app', async () => {
    const { browser, server } = env();
    const page = await browser.newPage();
    await page.goto(`${server.url}/no-such-page?lang=en`);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Page not found');
    await page.close();
  });
});
