import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { LABELLED_CODES } from '../../server/contract/labels.ts';
import { requireChromium } from '../browser/harness.ts';
import { WEEK, getReport, reportFixture, type Fixture } from './fixture.ts';
import { pdfText } from './pdf-text.ts';

// Every stored code a Chinese reader could meet in the report: segments, number tags,
// campaigns, dispositions. The dictionary (server/contract/labels.ts) has a label for each.
const CODES = [...LABELLED_CODES.segment!, ...LABELLED_CODES.number_tag!, ...LABELLED_CODES.campaign!, 'no_answer'];
const leaks = (text: string) => CODES.filter((code) => new RegExp(`(^|[^A-Za-z_])${code}($|[^A-Za-z_])`).test(text));

let fx: Fixture;
beforeAll(async () => {
  fx = await reportFixture();
});
afterAll(() => fx?.close());

describe('the Chinese report prints labels, never raw codes', () => {
  it('CSV', async () => {
    const text = Buffer.from(await (await getReport(fx.app, `week=${WEEK}&format=csv&lang=zh`)).arrayBuffer()).toString(
      'utf8',
    );
    expect(text).toContain('蓝领'); // the segments are there, as labels
    expect(leaks(text)).toEqual([]);
  });

  it('XLSX, every cell of every sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await getReport(fx.app, `week=${WEEK}&format=xlsx&lang=zh`)).arrayBuffer());
    const cells: string[] = [];
    for (const ws of wb.worksheets) ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ''))));
    const text = cells.join('\n');
    expect(text).toContain('白领');
    expect(leaks(text)).toEqual([]);
  });

  it('HTML and the PDF text layer', async () => {
    const html = await (await getReport(fx.app, `week=${WEEK}&format=html&lang=zh`)).text();
    expect(leaks(html.replace(/<[^>]+>/g, ' '))).toEqual([]);
    requireChromium(); // fails, never skips, without the browser
    const pages = await pdfText(
      new Uint8Array(await (await getReport(fx.app, `week=${WEEK}&format=pdf&lang=zh`)).arrayBuffer()),
    );
    const text = pages.join('\n');
    expect(text).toContain('蓝领');
    expect(leaks(text)).toEqual([]);
  }, 60_000);
});
