// Issue 9 in the browser: a day whose CDRs mostly do not say who hung up. The headline is the
// short-call rate there; /when and /scripts start on it, /scripts can switch to the hang-up rate
// (over the few known-party calls), and the overview shows the server's reason as sent.
// The overview's KPI cards and /scripts' decision table grey a rate on fewer than 30 calls in its own
// denominator (the cards say why), and the survival curves on /scripts say which event they count,
// per the rate compared.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { csv, ingestText } from '../helpers/temp-store.ts';
import { settled, useDashboard, watch } from './harness.ts';

const SERVER_WORK = { timeout: 20_000 };
const env = useDashboard({ calls: 3_000 });
const DAY = 'from=2027-03-01&to=2027-03-02';
// A thin day: 40 dials, 10 answered, 2 of them saying who hung up (both the callee within 3 s).
const THIN_DAY = 'from=2027-03-03&to=2027-03-04';

// The planted day (after the sample's dates), as in test/analysis/ab-metric.test.ts:
// A: 5 known (callee at 3 s), 25 unknown at 4 s, 70 unknown at 60 s -> short-call rate 30%;
// B: 5 known (agent at 60 s), 10 unknown at 4 s, 85 unknown at 60 s -> 10%. Known party 5%.
let seq = 0;
const calls = (script: string, count: number, talk: number, by: string, day = '2027-03-01', disposition = 'answered') =>
  Array.from({ length: count }, () => ({
    call_id: `h${++seq}`,
    started_at: `${day}T10:00:00+08:00`,
    disposition,
    talk_seconds: disposition === 'answered' ? talk : 0,
    hangup_by: by,
    script_id: script,
  }));

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hangup-headline-'));
  try {
    const rows = [
      ...calls('A', 5, 3, 'callee'),
      ...calls('A', 25, 4, ''),
      ...calls('A', 70, 60, ''),
      ...calls('B', 5, 60, 'agent'),
      ...calls('B', 10, 4, ''),
      ...calls('B', 85, 60, ''),
      ...calls('A', 2, 3, 'callee', '2027-03-03'),
      ...calls('A', 4, 4, '', '2027-03-03'),
      ...calls('B', 4, 60, '', '2027-03-03'),
      ...calls('A', 30, 0, '', '2027-03-03', 'no_answer'),
    ];
    const r = await ingestText({ ...env().server.store, dir }, 'unknown-party.csv', csv(rows));
    expect(r).toMatchObject({ inserted: 240 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function open(path: string, width = 1400): Promise<{ page: Page; problems: string[] }> {
  const page = await env().browser.newPage({ viewport: { width, height: 900 } });
  const problems = watch(page);
  await page.goto(`${env().server.url}${path}`);
  await settled(page);
  return { page, problems };
}

/** A message key shown as is (e.g. `ab.metric.short`) means a missing text. */
const rawKey = /\b(ab|metric|dim|when|verdict|headline|scripts)\.[a-zA-Z_]+(\.[a-zA-Z_]+)?\b/;

describe('headline short-call rate when the CDRs do not say who hung up', () => {
  it('the overview leads with the server’s reason', async () => {
    const { page, problems } = await open(`/?lang=en&${DAY}`);
    const note = page.locator('[data-headline=short]');
    await expect.poll(() => note.count(), SERVER_WORK).toBe(1);
    expect(await note.textContent()).toContain('Your CDRs do not say who hung up for 95% of answered calls');
    await page.goto(`${env().server.url}/?lang=zh-CN&${DAY}`);
    await settled(page);
    expect(await page.locator('[data-headline=short]').textContent()).toContain('95%');
    expect(await page.locator('[data-headline=short]').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(problems).toEqual([]);
  });

  it('/when starts on the short-call rate; the hang-up rate is one click away and named in the URL', async () => {
    const { page, problems } = await open(`/when?lang=en&${DAY}`);
    await expect.poll(() => page.locator('[data-metric=short]').getAttribute('aria-pressed'), SERVER_WORK).toBe('true');
    expect(await page.locator('[data-metric=hangup]').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('main').textContent()).toContain('Short-call rate by hour and weekday');
    await page.click('[data-metric=hangup]');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('hangup');
    expect(await page.locator('[data-metric=hangup]').getAttribute('aria-pressed')).toBe('true');
    await page.click('[data-metric=short]');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBeNull();
    expect(problems).toEqual([]);
  });

  it.each([
    ['en', 'Short-call rate', 'Hang-up rate', 'Comparing the short-call rate', 'Known party'],
    ['zh-CN', '短通话占比', '挂断率', '比较短通话占比', '挂断方已知'],
  ])(
    '/scripts compares the short-call rate by default and switches to the hang-up rate (%s)',
    async (lang, short, hangup, note, known) => {
      const { page, problems } = await open(`/scripts?lang=${lang}&${DAY}&control=A`);
      const shortButton = page.locator('[data-ab-metric=short]');
      await expect.poll(() => shortButton.getAttribute('aria-pressed'), SERVER_WORK).toBe('true');
      expect(await shortButton.textContent()).toBe(short);
      expect(await page.locator('[data-ab-metric=hangup]').textContent()).toBe(hangup);
      expect(await page.locator('[data-ab-metric-note]').textContent()).toContain(note);
      // 30% vs 10% short calls on 100 answered calls each: B is better.
      const b = page.locator('[data-verdicts] [data-verdict-arm=B]');
      await expect.poll(() => b.getAttribute('data-verdict'), SERVER_WORK).toBe('better');
      const head = page.locator('table[data-table=ab-decision] thead');
      expect(await head.textContent()).not.toContain(known);
      // The rate column (after the line, its verdict and its calls): greyed when the line has too few calls.
      const rateGrey = () =>
        page
          .locator('table[data-table=ab-decision] tbody tr[data-row]')
          .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[3]?.classList.contains('muted')));
      expect(await rateGrey()).toEqual([false, false]);
      expect(await page.locator('main').textContent()).not.toMatch(rawKey);
      // On the hang-up rate only 5 calls per line say who hung up: too few for a verdict.
      await page.click('[data-ab-metric=hangup]');
      await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('hangup');
      await expect.poll(() => b.getAttribute('data-verdict'), SERVER_WORK).toBe('too_few');
      expect(await page.locator('[data-ab-metric=hangup]').getAttribute('aria-pressed')).toBe('true');
      // The decision table's calls are now the hang-up rate's denominator, and 5 of them grey each line's rate.
      await expect.poll(() => head.textContent()).toContain(known);
      await expect.poll(rateGrey).toEqual([true, true]);
      await settled(page);
      expect(await page.locator('main').textContent()).not.toMatch(rawKey);
      expect(problems).toEqual([]);
    },
  );
});

describe('KPI cards grey a rate on too few calls in its own denominator', () => {
  /** Which KPI cards are greyed, and the reason each shows. */
  const thinCards = async (page: Page) =>
    Object.fromEntries(
      await page
        .locator('[data-kpi][data-thin]')
        .evaluateAll((cards) =>
          cards.map((c) => [c.getAttribute('data-kpi'), c.querySelector('[data-thin-note]')?.textContent?.trim()]),
        ),
    );

  it.each([
    ['en', 'Who hung up is known for only 10 calls: under 30 is too few to trust.'],
    ['zh-CN', '仅 10 通电话记录了挂断方：少于 30 通，样本太少，不宜解读。'],
  ])(
    '200 answered calls, 10 saying who hung up: only the hang-up rate is grey, with its reason on a phone (%s)',
    async (lang, why) => {
      const { page, problems } = await open(`/?lang=${lang}&${DAY}`, 390);
      await expect.poll(() => page.locator('[data-kpi]').count(), SERVER_WORK).toBeGreaterThanOrEqual(6);
      // The brief's case: "Hang-up rate 50.0%, 5 / 10" over the known-party calls.
      expect(await page.locator('[data-kpi=hangupRate]').getAttribute('data-value')).toBe('0.5');
      expect(await thinCards(page)).toEqual({ hangupRate: why });
      expect(await page.locator('[data-kpi=hangupRate] .value').getAttribute('class')).toContain('thin');
      // Shown without hovering, inside a 390 px screen.
      const note = page.locator('[data-kpi=hangupRate] [data-thin-note]');
      expect(await note.isVisible()).toBe(true);
      const box = (await note.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await page.locator('[data-kpi=shortCallRate] .value').getAttribute('class')).not.toContain('thin');
      expect(problems).toEqual([]);
    },
  );

  it('40 dials, 10 answered, 2 saying who hung up: each rate on its own denominator, and the headline note says the share is thin; the whole sample greys nothing', async () => {
    const { page, problems } = await open(`/?lang=en&${THIN_DAY}`);
    await expect.poll(() => page.locator('[data-kpi]').count(), SERVER_WORK).toBeGreaterThanOrEqual(6);
    expect(await thinCards(page)).toEqual({
      hangupRate: 'Who hung up is known for only 2 calls: under 30 is too few to trust.',
      shortCallRate: 'Only 10 answered calls: under 30 is too few to trust.',
      conversionRate: 'Only 10 answered calls: under 30 is too few to trust.',
    });
    // 40 dials: the connect and rejection rates are readable.
    expect(await page.locator('[data-kpi=connectRate]').getAttribute('data-thin')).toBeNull();
    expect(await page.locator('[data-kpi=rejectionRate]').getAttribute('data-thin')).toBeNull();
    expect(await page.locator('[data-headline-thin]').textContent()).toBe(
      'These filters leave only 10 answered calls: this share may not hold for your data as a whole.',
    );
    expect(await page.locator('[data-hollow-note]').textContent()).toBe(
      'Hollow point on a dashed line = a day with fewer than 30 answered calls: too few to read.',
    );
    await page.goto(`${env().server.url}/?lang=zh-CN&${THIN_DAY}`);
    await settled(page);
    expect((await thinCards(page)).hangupRate).toBe('仅 2 通电话记录了挂断方：少于 30 通，样本太少，不宜解读。');
    expect(await page.locator('[data-headline-thin]').textContent()).toBe(
      '当前筛选下仅 10 通接通电话：这一比例未必代表全部数据。',
    );
    // Every date of the sample: enough calls behind every rate, no card grey and no reason shown
    // (the trend still has thin days, the planted ones among them: its legend says so).
    await page.goto(`${env().server.url}/?lang=en&range=all`);
    await settled(page);
    await expect.poll(() => page.locator('[data-kpi]').count(), SERVER_WORK).toBeGreaterThanOrEqual(6);
    expect(await thinCards(page)).toEqual({});
    expect(await page.locator('[data-thin-note]').count()).toBe(0);
    expect(await page.locator('[data-hollow-note]').count()).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe('the survival curves say which event they count', () => {
  it.each([
    ['en', 'of all answered calls, the share still talking', 'of the answered calls that say who hung up'],
    ['zh-CN', '在全部接通电话中，各开场白仍在通话的比例', '在记录了挂断方的接通电话中，各开场白被叫尚未挂断的比例'],
  ])(
    'short-call rate: the call ending; switched to the hang-up rate: the callee hanging up (%s)',
    async (lang, short, hangup) => {
      const { page, problems } = await open(`/scripts?lang=${lang}&${DAY}&control=A`);
      const note = page.locator('[data-card=survival] header .note');
      await expect.poll(() => note.textContent(), SERVER_WORK).toContain(short);
      await page.click('[data-ab-metric=hangup]');
      await expect.poll(() => note.textContent(), SERVER_WORK).toContain(hangup);
      expect(problems).toEqual([]);
    },
  );
});
