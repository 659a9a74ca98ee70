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
import { sideScroll } from './layout.ts';

const env = useDashboard();
const WITH_REJECTS = join(ROOT, 'sample-data', 'examples', 'with-rejects.csv');
const GBK = join(ROOT, 'sample-data', 'formats', 'cn_export_gbk.csv');
const REAL = join(ROOT, 'sample-data', 'formats', 'real');
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

/** The same store served again under another write policy (as on a non-loopback address), or with an inbox watched. */
async function policyServer(policy: WritePolicy, maxUploadBytes = 512 * 1_048_576, inbox: string | null = null) {
  const { store } = env().server;
  const ingest = { dataDir: store.dataDir, policy, maxUploadBytes, jobs: new IngestJobs(), inbox };
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
    // The format as the history's column and the Format menu name it, not the stored "canonical".
    expect(await item(page).locator('.ok').textContent()).toMatch(
      /^Loaded as #2 · Canonical CDR · UTF-8 · [\d.]+ sec$/,
    );

    // The history and the stored-calls count refresh without a reload.
    const rows = page.locator('table[data-table=ingests] tbody tr[data-row]');
    await expect.poll(() => rows.count()).toBe(2);
    await expect.poll(async () => Number(await storedCalls(page))).toBe(before + 3);
    await settled(page);
    const row = rows.filter({ hasText: 'with-rejects.csv' });
    expect(await row.locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['with-rejects.csv', 'loaded', 'Canonical CDR · UTF-8', '8', '3', '1', '4']),
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
    // That moment reads the same in the result, in the repeat's history message and in the first row's time.
    const loadedAt = (await row.filter({ hasText: 'loaded' }).locator('td').first().textContent())!.trim();
    expect(loadedAt).toMatch(/^[A-Z][a-z]{2} \d{1,2}, 20\d\d, \d{1,2}:\d\d [AP]M$/);
    expect(await item(page).locator('[data-repeated]').textContent()).toContain(`(with-rejects.csv, ${loadedAt})`);
    const repeatNote = row
      .filter({ hasText: 'repeated' })
      .locator('xpath=following-sibling::tr[1]')
      .locator('[data-prose=message]');
    expect(await repeatNote.textContent()).toContain(`(with-rejects.csv, ${loadedAt})`);

    // UTF-16 text is refused with the reason the server gives.
    await drop(page, [{ name: 'utf16.csv', bytes: [0xff, 0xfe, 0x63, 0x00, 0x61, 0x00, 0x6c, 0x00, 0x6c, 0x00] }]);
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('failed');
    expect(await item(page).locator('.not-loaded').textContent()).toBe('Not loaded');
    expect(await item(page).locator('[role=alert]').textContent()).toBe(
      'UTF-16 text is not supported: save the export as UTF-8 or GB18030',
    );
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
    expect(await item(page).locator('.ok').textContent()).toMatch(
      /^已导入为 #\d+ · 国内外呼系统导出 · GB18030 · [\d.]+秒$/,
    );
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
    // The deletion's moment is written as every other time on the page (its ingest time, the audit log's).
    const zhTime = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/;
    expect((await row.locator('td').first().textContent())!.trim()).toMatch(zhTime);
    const deletedNote = await row
      .locator('xpath=following-sibling::tr[1]')
      .locator('[data-prose=message]')
      .textContent();
    const deletedAt = /^说明\s+已删除通话：\d+（(.*)）$/.exec(deletedNote!.trim())?.[1];
    expect(deletedAt).toMatch(zhTime);
    const auditAt = page
      .locator('table[data-table=audit] tbody tr[data-row]', { hasText: '删除' })
      .first()
      .locator('td')
      .first();
    await expect.poll(async () => (await auditAt.textContent())!.trim(), SLOW).toMatch(zhTime);
    expect(await row.locator('[data-delete]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('(zh) a file of no known format: the live result says what its history row says, whole, in Chinese', async () => {
    const { page, problems } = await open('/data?lang=zh-CN');
    // A real export no built-in format reads (its mapping is beside it): 25 columns, a long header.
    await page.setInputFiles('[data-upload-input]', join(REAL, 'cdr_stats_import.csv'));
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('failed');
    const live = (await item(page).locator('[role=alert]').textContent())!.trim();
    expect(await item(page).locator('.not-loaded').textContent()).toBe('未导入');
    // Chinese from the message parts, not the server's English line capped at 300 characters.
    expect(live).toMatch(/^无法识别的格式：最接近的是 /);
    expect(live).not.toMatch(/no known format|closest tried|Header:|…$/);
    expect(live).toContain('（共 25 列）');
    const row = page
      .locator('table[data-table=ingests] tbody tr[data-row]')
      .filter({ hasText: 'cdr_stats_import.csv' });
    await expect.poll(() => row.count()).toBe(1);
    const history = await row.locator('xpath=following-sibling::tr[1]').locator('[data-prose=message]').textContent();
    expect(history!.replace(/^说明\s+/, '')).toBe(live);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('(zh) a real export with inbound calls: the result card counts them, so its numbers add up', async () => {
    const { page, problems } = await open('/data?lang=zh-CN');
    await page.setInputFiles('[data-upload-input]', join(REAL, 'mysql_cdr_trunk_inbound.csv'));
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('loaded');
    const n = async (key: string) => Number(await count(page, key));
    // Counted by hand in test/ingest/real-exports.test.ts: 60 rows, 7 folded, 41 dials stored, 12 inbound.
    expect([await n('rowsRead'), await n('calls'), await n('folded')]).toEqual([60, 53, 7]);
    expect([await n('inserted'), await n('duplicates'), await n('rejected'), await n('inbound')]).toEqual([
      41, 0, 0, 12,
    ]);
    expect((await n('inserted')) + (await n('duplicates')) + (await n('rejected')) + (await n('inbound'))).toBe(
      await n('calls'),
    );
    expect(await item(page).locator('[data-count=inbound] dt').textContent()).toBe('呼入（不计拨打）');
    // Its inferred source timezone, in full-width brackets.
    const history = page.locator('table[data-table=ingests] tbody tr[data-row]', {
      hasText: 'mysql_cdr_trunk_inbound.csv',
    });
    await expect.poll(() => history.first().locator('td').allTextContents(), SLOW).toContain('-05:00（由文件推断）');
    // The audit log's counts of the upload add up to the calls too.
    const audit = page.locator('table[data-table=audit] tbody tr[data-row]', {
      hasText: 'mysql_cdr_trunk_inbound.csv',
    });
    await expect.poll(() => audit.first().textContent(), SLOW).toContain('新增 41 · 重复 0 · 拒收 0 · 呼入 12');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('More options: a day-first FreePBX export loads with its mapping file and source timezone, a file whose dates fit both ways with Day first; bad choices are refused with their reason', async () => {
    const { page, problems } = await open('/data?lang=en');
    const before = Number(await storedCalls(page));
    // Folded away: the simple case stays a drop zone and a Format menu.
    const more = page.locator('[data-upload-more]');
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('[data-upload-timezone]').isVisible()).toBe(false);
    await more.locator('summary').click();
    expect(await page.locator('[data-upload-timezone] option').first().textContent()).toBe('Infer from the file');
    expect(await page.locator('[data-upload-timezone] option').allTextContents()).toEqual(
      expect.arrayContaining(['UTC', 'Asia/Shanghai', 'Asia/Ho_Chi_Minh', 'Africa/Lagos']),
    );

    // Checked here as the server checks it: an empty mapping file is refused before any upload.
    await page.setInputFiles('[data-mapping-input]', {
      name: 'empty.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('\n'),
    });
    await expect
      .poll(() => page.locator('[data-mapping-error]').textContent())
      .toBe('The mapping file empty.yaml is empty.');
    expect(await page.locator('[data-action=choose-files]').isDisabled()).toBe(true);
    expect(await page.locator('[data-upload-off]').textContent()).toBe(
      'Choose another mapping file or remove it first (More options).',
    );
    // What only the server can check, it says, and the page names the field.
    const broken = { name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from('extends: [asterisk_db\n') };
    await page.setInputFiles('[data-mapping-input]', broken);
    await expect.poll(() => page.locator('[data-mapping-error]').count()).toBe(0);
    await page.setInputFiles('[data-upload-input]', join(REAL, 'freepbx_dayfirst.csv'));
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('failed');
    expect(await item(page).locator('[role=alert]').textContent()).toMatch(
      /^The server refused the mapping file: not JSON or YAML: /,
    );
    // HTTP 400 refused warnings are the expected problems (the request and Chromium's console line).
    expect(problems.splice(0)).toEqual([
      expect.stringMatching(/^HTTP 400: .*\/api\/ingest$/),
      expect.stringMatching(/^console error: .*400/),
    ]);

    // The mapping a data team writes for it (dateFormat day-first, no header), and the zone it was written in.
    await page.setInputFiles('[data-mapping-input]', join(REAL, 'freepbx_dayfirst.mapping.yaml'));
    await page.selectOption('[data-upload-timezone]', 'Africa/Lagos');
    await expect
      .poll(() => more.locator('summary').textContent())
      .toBe('More options · mapping file: freepbx_dayfirst.mapping.yaml · source timezone: Africa/Lagos');
    // The mapping names the format itself.
    expect(await page.locator('[data-upload-format]').isDisabled()).toBe(true);
    await page.setInputFiles('[data-upload-input]', join(REAL, 'freepbx_dayfirst.csv'));
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('loaded');
    // Counted by hand in test/ingest/real-exports.test.ts: 80 calls, one of them inbound (from-pstn).
    expect([await count(page, 'rowsRead'), await count(page, 'inserted'), await count(page, 'inbound')]).toEqual([
      '80',
      '79',
      '1',
    ]);
    await expect.poll(async () => Number(await storedCalls(page)), SLOW).toBe(before + 79);
    const row = page
      .locator('table[data-table=ingests] tbody tr[data-row]')
      .filter({ hasText: 'freepbx_dayfirst.csv' });
    await expect
      .poll(() => row.first().locator('td').allTextContents(), SLOW)
      .toEqual(expect.arrayContaining(['loaded', 'freepbx_cdr_report · UTF-8', 'Africa/Lagos']));
    await page.screenshot({ path: join(SCREENSHOTS, 'data-upload-mapping-en.png'), fullPage: true });

    // Date order: a file whose dates all fit both ways (no field above 12) is refused with the
    // page's own way out, then loads once Day first is chosen.
    await page.click('[data-action=clear-mapping]');
    await page.selectOption('[data-upload-timezone]', '');
    const order = page.getByLabel('Date order', { exact: true });
    expect(await order.getAttribute('data-upload-date-order')).toBe('');
    expect(await order.locator('option').allTextContents()).toEqual([
      "Auto (the file's dates decide)",
      'Day first (e.g. 31/12/2026)',
      'Month first (e.g. 12/31/2026)',
    ]);
    expect(await order.inputValue()).toBe('auto');
    const dayFirst = {
      name: 'dayfirst-orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'call_id,started_at,talk_seconds,disposition',
          'web-order-1,03/04/2026 09:15:00,0,no_answer',
          'web-order-2,11/04/2026 18:40:00,35,answered',
          'web-order-3,12/05/2026 10:00:00,0,no_answer',
        ].join('\n') + '\n',
      ),
    };
    const storedBefore = Number(await storedCalls(page));
    await page.setInputFiles('[data-upload-input]', dayFirst);
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('failed');
    expect(await item(page).locator('[data-message]').textContent()).toBe(
      'dates such as "12/05/2026 10:00:00" could be day-first or month-first (no field above 12 in the file\'s 3 dates); choose Day first or Month first under Date order in More options and upload the file again (or export it again with dates as YYYY-MM-DD)',
    );
    await order.selectOption('day-first');
    await expect.poll(() => more.locator('summary').textContent()).toBe('More options · date order: day first');
    await page
      .locator('[data-card=upload]')
      .screenshot({ path: join(SCREENSHOTS, 'data-upload-date-order-1280-en.png') });
    await page.setInputFiles('[data-upload-input]', dayFirst);
    await expect.poll(() => item(page).getAttribute('data-state'), SLOW).toBe('loaded');
    expect(await count(page, 'inserted')).toBe('3');
    expect(await item(page).locator('[data-message]').textContent()).toBe(
      'dates such as "12/05/2026 10:00:00" read day first, as given',
    );
    await expect.poll(async () => Number(await storedCalls(page)), SLOW).toBe(storedBefore + 3);
    // The history says so too, on the message line under the file's row.
    await expect
      .poll(() => page.locator('table[data-table=ingests] tbody').textContent(), SLOW)
      .toContain('dates such as "12/05/2026 10:00:00" read day first, as given');
    // Stored day first: 3 April, 11 April and 12 May (local dates in the business timezone the file was read in).
    expect(
      await env().server.store.db.query(
        `SELECT call_id, local_date::VARCHAR AS d FROM calls WHERE call_id LIKE 'web-order-%' ORDER BY call_id`,
      ),
    ).toEqual([
      { call_id: 'web-order-1', d: '2026-04-03' },
      { call_id: 'web-order-2', d: '2026-04-11' },
      { call_id: 'web-order-3', d: '2026-05-12' },
    ]);
    // On a phone: the choice and its note fit the width.
    await page.setViewportSize({ width: 390, height: 900 });
    await expect.poll(() => sideScroll(page)).toBe(0);
    const box = await order.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page
      .locator('[data-card=upload]')
      .screenshot({ path: join(SCREENSHOTS, 'data-upload-date-order-390-en.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('More options tells a data team about the inbox and its .hangup.json only when the server watches one', async () => {
    const off = await open('/data?lang=en');
    await off.page.locator('[data-upload-more] summary').click();
    expect(await off.page.locator('[data-inbox-note]').count()).toBe(0); // this server watches no inbox
    await off.page.close();
    const watching = await policyServer({ host: '127.0.0.1' }, undefined, join(env().server.store.dataDir, 'inbox'));
    try {
      for (const [lang, words] of [
        ['en', "Files copied into the server's inbox folder load on their own"],
        ['zh-CN', '复制到服务器收件箱文件夹的文件会自动导入'],
      ]) {
        const { page, problems } = await open(`/data?lang=${lang}`, watching.url);
        await page.locator('[data-upload-more] summary').click();
        const note = page.locator('[data-inbox-note]');
        expect(await note.textContent()).toContain(words);
        expect(await note.textContent()).toContain('.hangup.json');
        expect(problems).toEqual([]);
        await page.close();
      }
    } finally {
      await watching.close();
    }
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
