/**
 * After a scripts file is loaded, an opening line is named with its wording wherever the
 * dashboard names it: the verdicts, the decision table, the control menu and the filter.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { sideScroll } from './layout.ts';
import { ROOT, SCREENSHOTS, settled, useDashboard, watch } from './harness.ts';

const env = useDashboard();
const ZH = '您好，我是XX银行的客户经理，耽误您一分钟，给您介绍一款低息贷款。';
const EN = 'Hello, this is Anna from XX Bank: do you have a minute for a lower rate?';

describe('/scripts with a scripts file loaded', () => {
  beforeAll(async () => {
    const { store } = env().server;
    const r = await ingestFile(store.db, join(ROOT, 'sample-data', 'formats', 'dim_scripts.csv'), {
      dataDir: store.dataDir,
      businessTimezone: store.settings.timezone,
      earlySeconds: store.settings.earlySeconds,
    });
    expect(r.status).toBe('loaded');
  });

  it.each([
    ['en', 'Line', 'Wording'],
    ['zh-CN', '话术', '开场白原文'],
  ])('shows each line with its wording (%s), and fits a 390 px phone', async (lang, word, column) => {
    const page = await env().browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = watch(page);
    // C as the control: A and B (the lines the file describes) each get a verdict; C and D have no stored text.
    await page.goto(`${env().server.url}/scripts?lang=${lang}&control=C`);
    await settled(page);
    await expect.poll(() => page.locator('[data-verdicts] [data-verdict-arm=A]').count(), { timeout: 20_000 }).toBe(1);

    // The verdicts: the full wording under the short name, whole in its title.
    const a = page.locator('[data-verdict-arm=A] [data-script-text]');
    expect(await a.textContent()).toBe(ZH);
    expect(await page.locator('[data-verdict-arm=B] [data-script-text]').getAttribute('title')).toBe(EN);
    // The decision table: the wording on a line under each row with one, none for line C.
    const prose = await page.locator('table[data-table=ab-decision] [data-prose=scriptText]').allTextContents();
    expect(prose).toEqual(expect.arrayContaining([expect.stringContaining(ZH), expect.stringContaining(EN)]));
    expect(prose).toHaveLength(2);
    expect(prose[0]).toContain(column);
    // The control menu and the Opening line filter: "Line A — <start of the wording>"; C as before.
    const controls = await page.locator('[data-control] option').allTextContents();
    expect(controls).toContain(`${word} A — 您好，我是XX银行的客户经理，耽误您一分钟，给…`);
    expect(controls).toContain(`${word} C`);
    await page.click('[data-filter=script] summary');
    const options = await page.locator('[data-filter=script] .opt').allTextContents();
    expect(options).toContain(`${word} B — Hello, this is Anna…`);
    expect(options).toContain(`${word} C`);
    await page.keyboard.press('Escape');
    // The chart's axis keeps the short names.
    const axis = await page.locator('[data-chart] svg text').allTextContents();
    expect(axis.some((s) => s.includes(ZH) || s.includes(EN))).toBe(false);

    // A phone: the wording wraps inside its card, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    expect(await sideScroll(page)).toBe(0);
    const box = (await a.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await a.isVisible()).toBe(true);
    // The filter's menu of long options stays on the screen too.
    await page.click('button[aria-controls=filters]');
    await page.click('[data-filter=script] summary');
    expect(await page.locator('[data-filter=script] .opt').first().isVisible()).toBe(true);
    expect(await sideScroll(page)).toBe(0);
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(SCREENSHOTS, `scripts-texts-${lang}-phone.png`), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
