// Issue 9 in the browser: a day whose CDRs mostly do not say who hung up. The headline is the
// short-call rate there; /when and /scripts start on it, /scripts can switch to the hang-up rate
// (over the few known-party calls), and the overview shows the server's reason as sent.
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

// The planted day (after the sample's dates), as in test/analysis/ab-metric.test.ts:
// A: 5 known (callee at 3 s), 25 unknown at 4 s, 70 unknown at 60 s -> short-call rate 30%;
// B: 5 known (agent at 60 s), 10 unknown at 4 s, 85 unknown at 60 s -> 10%. Known party 5%.
let seq = 0;
const calls = (script: string, count: number, talk: number, by: string) =>
  Array.from({ length: count }, () => ({
    call_id: `h${++seq}`,
    started_at: '2027-03-01T10:00:00+08:00',
    disposition: 'answered',
    talk_seconds: talk,
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
    ];
    const r = await ingestText({ ...env().server.store, dir }, 'unknown-party.csv', csv(rows));
    expect(r).toMatchObject({ inserted: 200 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function open(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await env().browser.newPage({ viewport: { width: 1400, height: 900 } });
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
      expect(await page.locator('main').textContent()).not.toMatch(rawKey);
      // On the hang-up rate only 5 calls per line say who hung up: too few for a verdict.
      await page.click('[data-ab-metric=hangup]');
      await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('hangup');
      await expect.poll(() => b.getAttribute('data-verdict'), SERVER_WORK).toBe('too_few');
      expect(await page.locator('[data-ab-metric=hangup]').getAttribute('aria-pressed')).toBe('true');
      // The decision table's calls are now the hang-up rate's denominator.
      await expect.poll(() => head.textContent()).toContain(known);
      await settled(page);
      expect(await page.locator('main').textContent()).not.toMatch(rawKey);
      expect(problems).toEqual([]);
    },
  );
});
