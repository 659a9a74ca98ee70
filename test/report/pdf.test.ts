import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { DEFAULT_CHROMIUM } from '../../server/report/pdf.ts';
import { WEEK, WEEK_FROM, WEEK_TO, getJson, getReport, reportFixture, type Fixture } from './fixture.ts';
import { pdfText } from './pdf-text.ts';

let fx: Fixture;
beforeAll(async () => {
  fx = await reportFixture();
});
afterAll(() => fx?.close());

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const int = (x: number) => x.toLocaleString('en-US');

const CHROMIUM = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
/** Each PDF test fails, never skips, without Chromium (the README says so), naming the fix. */
function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}; the PDF tests need it. Install it: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`,
    );
  }
}

describe('PDF (system Chromium)', () => {
  it('is an A4 PDF whose text holds the API numbers and the Chinese labels', async () => {
    requireChromium();
    const cur = await getJson<Record<string, number>>(fx.app, `/api/summary?from=${WEEK_FROM}&to=${WEEK_TO}`);
    const res = await getReport(fx.app, `week=${WEEK}&format=pdf&lang=zh`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="hangup-report-${WEEK}-zh.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    // A4 is 595 x 842 pt.
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.\d+ 842\.\d+\]/);
    const pages = await pdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const text = pages.join('\n');
    for (const label of [
      '外呼挂断率周报',
      '核心指标',
      '外呼量',
      '接通率',
      '挂断率',
      '拒接率',
      '转化率',
      '结构效应',
      '组内效应',
      '每日趋势',
      '数据质量',
      '指标定义',
    ]) {
      expect(text).toContain(label);
    }
    // Issue 9: the denominator is the answered calls whose hang-up party is known.
    expect(text).toContain(`本周挂断率 ${pct(cur.hangupRate!)}（${int(cur.earlyHangups!)}/${int(cur.knownParty!)}）`);
    for (const n of [int(cur.dials!), pct(cur.connectRate!), pct(cur.rejectionRate!), pct(cur.conversionRate!)])
      expect(text).toContain(n);
    // Ideographs, not the look-alike radicals Skia's ToUnicode maps pick (比 not ⽐, 页 not ⻚).
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(text).toContain('对比周期');
    // Page numbers from the footer template, on every page.
    pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 页 / 共 ${pages.length} 页`));
  });

  it('prints English too', async () => {
    requireChromium();
    const res = await getReport(fx.app, `week=${WEEK}&format=pdf&lang=en`);
    const pages = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(pages[0]).toContain('Weekly hang-up report');
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
  });
});

describe('PDF without Chromium', () => {
  it('fails with a message saying how to install it, while the other formats still work', async () => {
    const app = createApp({ db: fx.store.db, settings: fx.store.settings, chromiumPath: '/nonexistent/chromium' });
    const res = await app.request(`/api/reports/weekly?week=${WEEK}&format=pdf`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: string };
    expect(body.error).toContain('apt-get install -y chromium fonts-noto-cjk');
    expect((await app.request(`/api/reports/weekly?week=${WEEK}&format=csv`)).status).toBe(200);
  });
});
