import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueLabel } from '../../server/contract/labels.ts';
import { abNote } from '../../server/report/insight-rows.ts';
import { WEEK, WEEK_FROM, WEEK_TO, getJson, readXlsx, reportFixture, type Fixture } from './fixture.ts';

// The A/B method note used to say the control was "the first opening line in alphabetical order"
// while the table used the most answered line (server/analysis/control.ts). It now names the
// week's control and the rule that chose it.
let fx: Fixture;
beforeAll(async () => {
  fx = await reportFixture();
});
afterAll(() => fx?.close());

const fresh = (query: string) =>
  fx.app.request(`/api/reports/weekly?${query}`, { headers: { 'cache-control': 'no-cache' } });

async function xlsxNote(lang: 'zh' | 'en'): Promise<string> {
  const wb = await readXlsx(await (await fresh(`week=${WEEK}&format=xlsx&lang=${lang}`)).arrayBuffer());
  const ws = wb.getWorksheet(lang === 'zh' ? 'AB结论' : 'AB verdicts')!;
  return String(ws.getRow(ws.rowCount).getCell(1).value);
}

describe('the A/B note names the control the table uses', () => {
  it('without a marked control: the most answered line, named, in HTML, XLSX and CSV, both languages', async () => {
    const ab = await getJson<{ control: string; arms: { script: string; answered: number }[] }>(
      fx.app,
      `/api/ab?from=${WEEK_FROM}&to=${WEEK_TO}&adjust=hour,segment,number_tag`,
    );
    const most = [...ab.arms].sort((a, b) => b.answered - a.answered || (a.script < b.script ? -1 : 1))[0]!;
    expect(ab.control).toBe(most.script);
    const en = `Control: ${valueLabel('en', 'script', ab.control)} (no scripts file marks a control: the line with the most answered calls this week)`;
    const zh = `对照组：${valueLabel('zh', 'script', ab.control)}（开场白文件未标记对照组，取本周接通数最多的开场白）`;
    const html = {
      en: await (await fresh(`week=${WEEK}&lang=en`)).text(),
      zh: await (await fresh(`week=${WEEK}&lang=zh`)).text(),
    };
    expect(html.en).toContain(en);
    expect(html.zh).toContain(zh);
    for (const text of Object.values(html)) expect(text).not.toMatch(/alphabetical|字母序/);
    expect(await xlsxNote('en')).toContain(en);
    expect(await xlsxNote('zh')).toContain(zh);
    expect(await (await fresh(`week=${WEEK}&format=csv&lang=en`)).text()).toContain(en);
  });

  it('with a line marked control in a scripts file: that line, and says so', async () => {
    const write = (sql: string) => fx.store.db.transaction(async (con) => void (await con.run(sql)));
    await write(
      "INSERT INTO dim_scripts (script_id, campaign, opening_line, ingest_id, is_control) VALUES ('C', NULL, NULL, 0, true)",
    );
    try {
      const html = await (await fresh(`week=${WEEK}&lang=en`)).text();
      expect(html).toContain(`Control: ${valueLabel('en', 'script', 'C')} (marked as control in the scripts file)`);
      expect(html).toContain(`${valueLabel('en', 'script', 'C')} (Control)`); // the table's control row agrees
    } finally {
      await write("DELETE FROM dim_scripts WHERE script_id = 'C'");
    }
  });

  it('without a control (no lines this week): the rule alone', () => {
    expect(abNote(null, 'en')).toMatch(
      /^Control: the line a scripts file marks as control, else the line with the most answered calls this week;/,
    );
    expect(abNote(null, 'zh')).toMatch(/^对照组：开场白文件中标为对照组的开场白，未标记时取本周接通数最多的开场白；/);
  });
});
