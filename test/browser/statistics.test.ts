import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SurvivalResult } from '../../web/src/lib/api-types.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { survivalDifference } from '../../web/src/lib/km-compare.ts';
import { SCREENSHOTS, settled, useDashboard, watch } from './harness.ts';

// 100,000 calls: on 30,000 the confounded line C's adjusted odds ratio still spans 1, so the
// API rightly raises no Simpson warning there; from about 80,000 calls (seed 42) it is credible.
// Polls that wait on the server generating something (a report, an A/B analysis) get time
// for a loaded CI machine; expect.poll's default is one second.
const SERVER_WORK = { timeout: 20_000 };
const env = useDashboard({ calls: 100_000 });
const base = () => env().server.url;
const api = async <T>(path: string) => (await (await fetch(`${base()}${path}`)).json()) as T;

async function open(path: string, locale = 'en-US'): Promise<{ page: Page; problems: string[] }> {
  const page = await env().browser.newPage({ viewport: { width: 1400, height: 900 }, locale });
  const problems = watch(page);
  await page.goto(`${base()}${path}`);
  await settled(page);
  return { page, problems };
}

describe('/scripts: opening lines compared honestly', () => {
  it.each([
    [
      'en',
      'Line C looks worse than Line A overall',
      'but better within the same hours and segments',
      'it was dialled more often at hours and segments where every line does worse',
    ],
    [
      'zh-CN',
      '话术 C 整体看比 话术 A 差',
      '但在相同时段和客群内比较反而更好',
      '它更多地在所有开场白都表现较差的时段和客群拨打',
    ],
  ])(
    'shows the Simpson warning for C against control A, adjusted for hour and segment (%s)',
    async (lang, ...phrases) => {
      const { page, problems } = await open(`/scripts?lang=${lang}&control=A`);
      const warning = page.locator('[data-warning=simpson]');
      await expect.poll(() => warning.count(), SERVER_WORK).toBe(1);
      expect(await warning.getAttribute('data-script')).toBe('C');
      const text = (await warning.textContent())!;
      for (const p of phrases) expect(text).toContain(p);
      expect(await page.locator('[data-adjust=hour]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('[data-adjust=segment]').getAttribute('aria-pressed')).toBe('true');
      expect(await page.locator('[data-adjust=number_tag]').getAttribute('aria-pressed')).toBe('false');
      // One verdict per line, from the adjusted analysis: C is better than A once hour and segment
      // are held equal, and the decision table says so too (no "<0.1% chance to beat" beside it).
      const c = page.locator('[data-verdicts] [data-verdict-arm=C]');
      expect(await c.getAttribute('data-verdict')).toBe('better');
      expect(await c.getAttribute('data-analysis')).toBe('adjusted');
      expect(await c.textContent()).toContain(lang === 'en' ? 'Better' : '更好');
      const ab = await api<{ arms: { script: string; verdict?: string; chanceToBeatControl?: number }[] }>(
        '/api/ab?control=A&adjust=hour,segment&sequential=1',
      );
      const armC = ab.arms.find((a) => a.script === 'C')!;
      expect(armC.verdict).toBe('better');
      expect(armC.chanceToBeatControl).toBeGreaterThan(0.5);
      const row = page.locator('table[data-table=ab-decision] tbody tr', {
        hasText: lang === 'en' ? 'Line C' : '话术 C',
      });
      expect(await row.textContent()).toContain(lang === 'en' ? 'Better' : '更好');
      // Method details are folded away until asked for.
      expect(await page.locator('[data-chart=forest]').count()).toBe(0);
      await page.click('[data-details] summary');
      await settled(page);
      // the always-valid method is named with its tuning parameter
      expect(await page.locator('[data-sequential]').textContent()).toMatch(/mSPRT.*τ² = 0\.001/s);
      // Holm is stated in the decision table
      expect(await page.locator('table[data-table=ab-decision] thead').textContent()).toContain(
        lang === 'en' ? 'p (Holm)' : 'Holm',
      );
      await page.screenshot({ path: join(SCREENSHOTS, `scripts-simpson-${lang}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('states the Kaplan–Meier differences at 10 s with the interval computed from the API’s curves', async () => {
    const { page, problems } = await open('/scripts?lang=en&control=A');
    const surv = await api<SurvivalResult>('/api/survival?by=script');
    const [a, b] = ['A', 'B'].map((k) => surv.groups.find((g) => g.key === k)!);
    const d = survivalDifference(b!.points, a!.points, 10);
    const f = createFormat('en');
    expect(d.diff).toBeGreaterThan(0); // the planted better line keeps more callees
    expect(await page.locator('[data-km-sentences] li[data-script=B]').textContent()).toBe(
      `Line B keeps ${f.points(d.diff)} points more callees past 10 s than Line A (95% CI ${f.points(d.low)} to ${f.points(d.high)}; crude, not adjusted).`,
    );
    // S(10) agrees with the API's own pick
    expect(d.diff).toBeCloseTo(b!.at.s10! - a!.at.s10!, 12);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the control and the strata live in the URL; back restores them', async () => {
    const { page, problems } = await open('/scripts?lang=en');
    await page.click('[data-details] summary');
    await page.selectOption('[data-control]', 'B');
    await expect.poll(() => new URL(page.url()).searchParams.get('control')).toBe('B');
    await settled(page);
    await expect
      .poll(
        () => page.locator('[data-chart=forest] svg g[aria-label="y-axis tick label"] text').allTextContents(),
        SERVER_WORK,
      )
      .toEqual(['Line A', 'Line C', 'Line D']);
    await page.click('[data-adjust=number_tag]');
    await expect.poll(() => new URL(page.url()).searchParams.get('adjust')).toBe('hour,segment,number_tag');
    await settled(page);
    expect(await page.locator('[data-card=ab-adjusted] .note').textContent()).toContain(
      'hours, segments and number tags',
    );
    for (const k of ['hour', 'segment', 'number_tag']) await page.click(`[data-adjust=${k}]`);
    await expect.poll(() => new URL(page.url()).searchParams.get('adjust')).toBe('');
    await settled(page);
    expect(await page.locator('[data-card=ab-adjusted]').textContent()).toContain('Crude comparison only');
    expect(await page.locator('[data-warning=simpson]').count()).toBe(0);
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('adjust')).toBeNull();
    await expect.poll(() => page.locator('[data-control]').inputValue()).toBe('B');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('/insights: recommendations with their evidence', () => {
  it.each(['en', 'zh-CN'])(
    'lists the planted bad agents a07, a19, a33 and not the 5-call agent a41 (%s)',
    async (lang) => {
      const { page, problems } = await open(`/insights?lang=${lang}`);
      const agents = await page
        .locator('[data-card=rec-agents] [data-rec]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-rec')));
      expect(agents.sort()).toEqual(['a07', 'a19', 'a33']);
      expect(await page.locator('[data-card=rec-agents]').textContent()).not.toContain('a41');
      // every item carries numbers and a link to the chart behind it
      for (const card of ['rec-agents', 'rec-cap', 'rec-windows']) {
        const items = page.locator(`[data-card=${card}] [data-rec]`);
        expect(await items.count()).toBeGreaterThan(0);
        expect(await items.first().locator('dd').count()).toBeGreaterThanOrEqual(3);
        expect(await items.first().locator('a[data-link]').getAttribute('href')).toContain(`lang=${lang}`);
      }
      // Each list shows its three strongest items, the windows each segment's strongest one;
      // "show all" opens the rest, windows in hour order.
      const windows = page.locator('[data-card=rec-windows]');
      const ids = () => windows.locator('[data-rec]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rec')!));
      const segmentOf = (id: string) => /^(.*)-\d+$/.exec(id)![1]!;
      const top = await ids();
      await windows.locator('[data-show-all]').click();
      const hours = await ids();
      expect(hours.length).toBeGreaterThan(top.length);
      const segments = new Set(hours.map(segmentOf));
      expect(new Set(top.map(segmentOf))).toEqual(segments);
      expect(top.length).toBeLessThanOrEqual(Math.max(3, segments.size));
      const bySegment = new Map<string, number[]>();
      for (const id of hours) {
        const [, seg, h] = /^(.*)-(\d+)$/.exec(id)!;
        bySegment.set(seg!, [...(bySegment.get(seg!) ?? []), Number(h)]);
      }
      for (const hs of bySegment.values()) expect(hs).toEqual([...hs].sort((a, b) => a - b));
      // the planted white-collar evening window
      const white = lang === 'en' ? 'White-collar' : '白领';
      expect(await page.locator('[data-card=rec-windows] [data-rec="white_collar-19"]').textContent()).toContain(white);
      await page.screenshot({ path: join(SCREENSHOTS, `insights-planted-${lang}.png`), fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('a recommendation’s link opens the page behind it with the filters kept', async () => {
    const { page, problems } = await open('/insights?lang=en&campaign=car_renewal');
    const item = page.locator('[data-card=rec-windows] [data-rec]').first();
    await item.locator('a[data-link]').click();
    await settled(page);
    const u = new URL(page.url());
    expect(u.pathname).toBe('/when');
    expect([u.searchParams.get('lang'), u.searchParams.get('campaign')]).toEqual(['en', 'car_renewal']);
    expect(u.searchParams.getAll('segment')).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('/agents: shrunk rate next to the raw one', () => {
  it('shows the API’s shrunk rate for the 5-call agent, far narrower than its raw interval', async () => {
    const { page, problems } = await open('/agents?lang=en');
    type Row = {
      key: string;
      shrunkRate: number;
      shrunkCiLow: number;
      shrunkCiHigh: number;
      ciLow: number;
      ciHigh: number;
    };
    const rows = (await api<{ rows: Row[] }>('/api/breakdown?by=agent')).rows;
    const a41 = rows.find((r) => r.key === 'a41')!;
    expect(a41.shrunkCiHigh - a41.shrunkCiLow).toBeLessThan((a41.ciHigh - a41.ciLow) / 2);
    const headers = await page.locator('table[data-table=agents] thead th').allTextContents();
    const col = headers.findIndex((h) => h.startsWith('Shrunk rate'));
    expect(col).toBeGreaterThan(headers.findIndex((h) => h.startsWith('Hang-up rate')));
    const row = page.locator('table[data-table=agents] tbody tr', { hasText: 'a41' });
    expect(await row.locator('td').nth(col).textContent()).toBe(`${(a41.shrunkRate * 100).toFixed(1)}%`);
    expect(await page.locator('[data-chart=intervals] svg [aria-label=tick]').count()).toBe(1);
    // Ranked by the shrunk rate, so the 5-call agent sits among its peers, not at the top by its raw rate.
    const shown = await page
      .locator('[data-chart=intervals] svg [aria-label="y-axis tick label"] text')
      .allTextContents();
    const byShrunk = [...rows].sort((a, b) => b.shrunkRate - a.shrunkRate).map((r) => r.key ?? '(none)');
    expect(shown).toEqual(byShrunk);
    expect(shown[0]).not.toBe('a41');
    expect(problems).toEqual([]);
    await page.close();
  });
});
