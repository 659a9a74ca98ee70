import { addDays, defaultWeek } from '../../server/report/week.ts';
import { valueLabel } from '../../server/contract/labels.ts';
import { abUrl, parseAdjust } from '../../web/src/lib/ab.ts';
import { FiltersSchema } from '../../server/contract/filters.ts';
import { agentText } from '../../server/contract/rec-text.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTRA_ROWS,
  INJECTION_SCRIPTS,
  WEEK,
  WEEK_FROM,
  WEEK_TO,
  getJson,
  getReport,
  readXlsx,
  reportFixture,
  rowByLabel,
  type Fixture,
} from './fixture.ts';

let fx: Fixture;
beforeAll(async () => {
  fx = await reportFixture();
});
afterAll(() => fx?.close());

type Summary = Record<string, number>;
const PREV_FROM = '2026-09-07';

describe('GET /api/reports/weekly: files, names, content types', () => {
  it.each([
    ['html', 'text/html; charset=utf-8', 'inline'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'attachment'],
    ['csv', 'text/csv; charset=utf-8', 'attachment'],
  ])('%s', async (format, type, disposition) => {
    const res = await getReport(fx.app, `week=${WEEK}&format=${format}&lang=zh`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-disposition')).toBe(
      `${disposition}; filename="hangup-report-${WEEK}-zh.${format}"`,
    );
  });

  it('offers the HTML as a download on request and marks filtered reports in the name', async () => {
    const res = await getReport(fx.app, `week=${WEEK}&format=html&lang=en&download=1&campaign=car_renewal`);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="hangup-report-${WEEK}-en-filtered.html"`,
    );
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('without week= reports the last week with data, and that week has calls', async () => {
    const res = await getReport(fx.app, 'format=csv&lang=en');
    expect(res.status).toBe(200);
    const [, label] = /hangup-report-(\d{4}-W\d{2})-en\.csv/.exec(res.headers.get('content-disposition') ?? '')!;
    const bounds = await getJson<{ lastDate: string }>(fx.app, '/api/dimensions');
    const week = defaultWeek({ firstDate: null, lastDate: bounds.lastDate }, new Date(), 'Asia/Shanghai');
    expect(label).toBe(week.label);
    const summary = await getJson<Summary>(fx.app, `/api/summary?from=${week.from}&to=${addDays(week.from, 7)}`);
    expect(summary.dials).toBeGreaterThan(0);
  });

  it.each([
    ['week=2026-37', 'week'],
    ['week=2025-W53', 'week'],
    [`week=${WEEK}&format=docx`, 'format'],
    [`week=${WEEK}&lang=fr`, 'lang'],
    [`week=${WEEK}&from=2026-09-01`, 'from'],
    [`week=${WEEK}&week=2026-W39`, 'week'],
  ])('400 for %s, naming %s', async (query, param) => {
    const res = await getReport(fx.app, query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: { param: string }[] };
    expect(body.issues.map((i) => i.param)).toContain(param);
  });
});

describe('XLSX', () => {
  it('has KPI cells equal to /api/summary for the week and the week before', async () => {
    const [cur, prev] = await Promise.all([
      getJson<Summary>(fx.app, `/api/summary?from=${WEEK_FROM}&to=${WEEK_TO}`),
      getJson<Summary>(fx.app, `/api/summary?from=${PREV_FROM}&to=${WEEK_FROM}`),
    ]);
    const wb = await readXlsx(await (await getReport(fx.app, `week=${WEEK}&format=xlsx&lang=zh`)).arrayBuffer());
    const ws = wb.getWorksheet('核心指标')!;
    expect(ws).toBeDefined();
    const expectRow = (label: string, key: string, fmt: string) => {
      const r = rowByLabel(ws, label);
      expect(r.getCell(2).value).toBe(cur[key]);
      expect(r.getCell(3).value).toBe(prev[key]);
      expect(r.getCell(2).numFmt).toBe(fmt);
    };
    expectRow('外呼量', 'dials', '#,##0');
    expectRow('接通率', 'connectRate', '0.0%');
    expectRow('挂断率', 'hangupRate', '0.0%');
    expectRow('拒接率', 'rejectionRate', '0.0%');
    expectRow('转化率', 'conversionRate', '0.0%');
    const hang = rowByLabel(ws, '挂断率');
    expect(hang.getCell(11).value).toBe(cur.earlyHangups);
    expect(hang.getCell(12).value).toBe(cur.knownParty); // issue 9: the denominator is the known-party calls
    // Change in points, the same number the two rates give.
    expect(hang.getCell(4).value as number).toBeCloseTo((cur.hangupRate! - prev.hangupRate!) * 100, 10);
    expect(typeof hang.getCell(7).value).toBe('number'); // p-value stored as a number
  });

  it('has one sheet per table, frozen header rows and set column widths', async () => {
    const wb = await readXlsx(await (await getReport(fx.app, `week=${WEEK}&format=xlsx&lang=en`)).arrayBuffer());
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'KPIs',
        'Drivers',
        'Daily',
        'Heatmap',
        'Opening lines',
        'AB verdicts',
        'Data quality',
        'Definitions',
      ]),
    );
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
      for (const col of ws.columns) expect(col.width).toBeGreaterThanOrEqual(10);
    }
    const hm = wb.getWorksheet('Heatmap')!;
    // The hang-up rate moved from F to G when the known-party column (its denominator) came in at E.
    expect(hm.getCell('E1').value).toBe('Known party');
    expect(hm.getCell('G1').value).toBe('Hang-up rate');
    expect(hm.getCell('G2').numFmt).toBe('0.0%');
    expect(typeof hm.getCell('G2').value).toBe('number');
  });
});

describe('CSV', () => {
  it('is UTF-8 with a BOM and carries the KPI table and each breakdown', async () => {
    const buf = Buffer.from(await (await getReport(fx.app, `week=${WEEK}&format=csv&lang=zh`)).arrayBuffer());
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    const cur = await getJson<Summary>(fx.app, `/api/summary?from=${WEEK_FROM}&to=${WEEK_TO}`);
    // Rates in percent with one decimal (the unit in the header), counts as they are.
    expect(text).toContain(`挂断率,${Math.round(cur.hangupRate! * 1000) / 10},`);
    expect(text).toContain(`外呼量（计数）,${cur.dials},`);
    for (const title of ['核心指标', '变化来自哪里', '每日趋势', '时段 × 星期', '开场白', '数据质量', '指标定义'])
      expect(text).toContain(title);
  });
});

describe('CSV units (opens readable in Excel)', () => {
  /** The fields of a CSV line, quoted ones unquoted. */
  const fieldsOf = (line: string) =>
    [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
      .filter((m, i, all) => i < all.length - 1 || m[0] !== '')
      .map((m) => (m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]!));
  /** The CSV as blocks: title, header and rows of fields. */
  async function blocks(lang: 'zh' | 'en') {
    const text = Buffer.from(await (await getReport(fx.app, `week=${WEEK}&format=csv&lang=${lang}`)).arrayBuffer())
      .toString('utf8')
      .slice(1);
    return text.split('\r\n\r\n').map((b) => {
      const [title, header, ...rows] = b.split('\r\n').map(fieldsOf);
      return { title: title!.join(','), header: header ?? [], rows };
    });
  }
  const decimals = (f: string) => (/^-?\d+(\.\d+)?$/.test(f) ? (f.split('.')[1]?.length ?? 0) : null);

  it.each(['zh', 'en'] as const)(
    '%s: rates in percent and changes in points, one decimal, the unit in the header',
    async (lang) => {
      const all = await blocks(lang);
      const [pct, pt, count] = lang === 'zh' ? ['（%）', '（百分点）', '（计数）'] : [' (%)', ' (pt)', ' (count)'];
      const kpi = all[0]!;
      const [thisWeek, change] = lang === 'zh' ? ['本周', '变化'] : ['This week', 'Change'];
      expect(kpi.header).toContain(thisWeek + pct);
      expect(kpi.header).toContain(change + pt);
      let checked = 0;
      for (const b of all)
        b.header.forEach((h, c) => {
          if (!h.endsWith(pct) && !h.endsWith(pt)) return;
          for (const row of b.rows) {
            if (row[0]!.endsWith(count)) continue; // a row of counts (dials) in a rate column says so
            const d = decimals(row[c] ?? '');
            if (d === null) continue;
            expect(d, `${b.title} / ${h}: ${row[c]}`).toBeLessThanOrEqual(1);
            if (h.endsWith(pct)) expect(Math.abs(Number(row[c]))).toBeLessThanOrEqual(100);
            checked++;
          }
        });
      expect(checked).toBeGreaterThan(100);
      // Nothing in full float precision anywhere (p-values: three significant digits).
      for (const b of all) for (const row of b.rows) for (const f of row) expect(f).not.toMatch(/\.\d*[1-9]\d{6,}/);
    },
  );

  it('agrees with the XLSX, which keeps the full numbers with % and point formats', async () => {
    const wb = await readXlsx(await (await getReport(fx.app, `week=${WEEK}&format=xlsx&lang=en`)).arrayBuffer());
    const ws = wb.getWorksheet('KPIs')!;
    const kpi = (await blocks('en'))[0]!;
    const csvRow = kpi.rows.find((r) => r[0] === 'Hang-up rate')!;
    const xlsxRow = rowByLabel(ws, 'Hang-up rate');
    expect(xlsxRow.getCell(2).numFmt).toBe('0.0%');
    expect(xlsxRow.getCell(4).numFmt).toBe('+0.0;-0.0;0.0');
    expect(Number(csvRow[1])).toBe(Math.round((xlsxRow.getCell(2).value as number) * 1000) / 10);
    expect(Number(csvRow[3])).toBeCloseTo(xlsxRow.getCell(4).value as number, 1);
    expect(kpi.rows.find((r) => r[0] === 'Dials (count)')).toBeDefined();
  });
});

describe('formula injection', () => {
  it('comes out inert in CSV: every dangerous script name starts with an apostrophe', async () => {
    const text = Buffer.from(await (await getReport(fx.app, `week=${WEEK}&format=csv&lang=en`)).arrayBuffer()).toString(
      'utf8',
    );
    const fields = text
      .split(/\r\n/)
      .flatMap((l) => l.match(/("([^"]|"")*"|[^,]*)/g) ?? [])
      .map((f) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f));
    // Script names reach the report through the dictionary ("Line <name>"), so none starts a cell.
    for (const s of INJECTION_SCRIPTS.filter((x) => /^[=+\-@]/.test(x))) {
      expect(fields).toContain(valueLabel('en', 'script', s));
      expect(fields).not.toContain(s);
    }
    // No text field anywhere begins with a formula character (numbers such as -0.2 are numbers).
    const live = fields.filter((f) => /^[=+@\t\r]/.test(f) || (/^-/.test(f) && Number.isNaN(Number(f))));
    expect(live).toEqual([]);
  });

  it('comes out inert in XLSX: text cells, apostrophe first, no formulas', async () => {
    const wb = await readXlsx(await (await getReport(fx.app, `week=${WEEK}&format=xlsx&lang=en`)).arrayBuffer());
    const ws = wb.getWorksheet('Opening lines')!;
    const names: unknown[] = [];
    ws.eachRow((r, i) => i > 1 && names.push(r.getCell(1).value));
    for (const s of INJECTION_SCRIPTS.filter((x) => /^[=+\-@]/.test(x)))
      expect(names).toContain(valueLabel('en', 'script', s));
    for (const sheet of wb.worksheets) {
      sheet.eachRow((r) =>
        r.eachCell((c) => {
          expect(c.type).not.toBe(6); // ExcelJS.ValueType.Formula
          if (typeof c.value === 'string') expect(c.value).not.toMatch(/^[=+\-@\t\r]/);
        }),
      );
    }
  });
});

describe('HTML', () => {
  it.each(['zh', 'en'])('is self-contained (%s): no external references, no script', async (lang) => {
    const res = await getReport(fx.app, `week=${WEEK}&format=html&lang=${lang}`);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(iframe|object|embed|img)\b/i); // the injected <img> is escaped
    expect(html).not.toMatch(/\b(src|href|xlink:href|action|poster)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain('&lt;img src=&quot;https://evil.example/x.png&quot;&gt;');
    expect((html.match(/<svg\b/g) ?? []).length).toBe(2); // daily trend, heatmap (the drivers are tables)
  });

  it('says it in Chinese and in English', async () => {
    const zh = await (await getReport(fx.app, `week=${WEEK}&format=html&lang=zh`)).text();
    const en = await (await getReport(fx.app, `week=${WEEK}&format=html&lang=en`)).text();
    for (const label of [
      '外呼挂断率周报',
      '核心指标',
      '挂断率',
      '结构效应',
      '组内效应',
      '时段 × 星期',
      '数据质量',
      '指标定义',
    ])
      expect(zh).toContain(label);
    for (const label of [
      'Weekly hang-up report',
      'Headline metrics',
      'Hang-up rate',
      'What drove the change',
      'Data quality',
    ])
      expect(en).toContain(label);
    expect(zh).toContain('lang="zh-CN"');
  });
});

describe('issue 4 sections', () => {
  it('carry the numbers /scripts shows for the week (its default strata) and /api/recommendations for the 4 weeks ending with it', async () => {
    // The table shows the compared rate (the week's headline): its denominator, events and rate.
    type Arm = { script: string; n: number; events: number; rate: number; pValueAdjusted?: number; oddsRatio?: number };
    const ab = await getJson<{ control: string; arms: Arm[] }>(
      fx.app,
      // the URL /scripts requests for the week without an `adjust` parameter
      abUrl(FiltersSchema.parse({ from: WEEK_FROM, to: WEEK_TO }), { adjust: parseAdjust(null) }),
    );
    const rec = await getJson<Record<string, unknown[] | unknown | null>>(
      fx.app,
      `/api/recommendations?from=2026-08-24&to=${WEEK_TO}`,
    );
    const wb = await readXlsx(await (await getReport(fx.app, `week=${WEEK}&format=xlsx&lang=en`)).arrayBuffer());
    const sheet = wb.getWorksheet('AB verdicts')!;
    for (const arm of ab.arms) {
      const name = valueLabel('en', 'script', arm.script);
      const label = arm.script === ab.control ? `${name} (Control)` : name;
      const r = rowByLabel(sheet, /^[=+\-@]/.test(label) ? `'${label}` : label);
      expect(r.getCell(2).value).toBe(arm.n);
      expect(r.getCell(3).value).toBe(arm.events);
      expect(r.getCell(4).value).toBe(arm.rate);
      if (arm.script !== ab.control) {
        expect(r.getCell(11).value ?? null).toBe(arm.pValueAdjusted ?? null);
        expect(r.getCell(14).value ?? null).toBe(arm.oddsRatio ?? null);
      }
    }
    const count = (v: unknown) => (v == null ? 0 : Array.isArray(v) ? v.length : 1);
    const windows = (rec.windows as { kind: string }[] | null) ?? [];
    const counts: [string, number][] = [
      ['Best windows', windows.filter((w) => w.kind === 'best').length],
      ['Windows to avoid', windows.filter((w) => w.kind !== 'best').length],
      ['Frequency cap', count(rec.frequencyCap)],
      ['Numbers to rest', count(rec.numbersToRest)],
      ['Agents to coach', count(rec.agentsToCoach)],
    ];
    for (const [name, n] of counts) {
      const ws = wb.getWorksheet(name)!;
      // Header, the items, then (after a blank row) the footnote.
      expect(ws.rowCount).toBe(1 + n + 2);
    }
    const html = await (await getReport(fx.app, `week=${WEEK}&format=html&lang=zh`)).text();
    // The body shows the first five of each list, written from the fields with the shared formats and labels.
    for (const item of (rec.agentsToCoach as Parameters<typeof agentText>[0][]).slice(0, 5)) {
      expect(html).toContain(
        agentText(item, 'zh')
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(/>/g, '&gt;')
          .replace(/"/g, '&quot;')
          .replace(/'/g, '&#39;'),
      );
    }
  });
});

describe('weeks without data', () => {
  it.each(['2026-W30', '2026-W37'])('%s renders every format without inventing numbers', async (week) => {
    for (const format of ['html', 'xlsx', 'csv'])
      expect((await getReport(fx.app, `week=${week}&format=${format}&lang=en`)).status).toBe(200);
    const html = await (await getReport(fx.app, `week=${week}&format=html&lang=en`)).text();
    if (week === '2026-W30')
      expect(html).toContain(
        '<p class="headline">No answered calls this week (0 dials): no hang-up rate or short-call rate to report.</p>',
      );
    // W37 is the first week of the sample: nothing to compare with.
    else {
      expect(html).toContain('the previous week has no answered calls to compare with');
      // The hang-up rate's denominator is the answered calls whose hang-up party is known.
      expect(html).toMatch(/\(\d[\d,]* of \d[\d,]* answered with a known hang-up party\)/);
    }
    // Its denominator is the known-party calls: W30 has none in either week, W37 none the week before.
    expect(html).toMatch(
      week === '2026-W30'
        ? /The decomposition needs answered calls with a known hang-up party in both weeks: this week has 0 of 0 answered, the previous week 0 of 0\./
        : /The decomposition needs answered calls with a known hang-up party in both weeks: this week has [1-9][\d,]* of [1-9][\d,]* answered, the previous week 0 of 0\./,
    );
  });
});

describe('week boundaries follow the business timezone', () => {
  it('counts a 23:30 Sunday call (local) in that week and a 00:10 Monday call in the next', async () => {
    expect(EXTRA_ROWS.length).toBeGreaterThan(3);
    const dials = async (week: string) => {
      const wb = await readXlsx(
        await (await getReport(fx.app, `week=${week}&format=xlsx&lang=en&campaign=tz_probe`)).arrayBuffer(),
      );
      return rowByLabel(wb.getWorksheet('KPIs')!, 'Dials').getCell(2).value;
    };
    expect(await dials('2026-W38')).toBe(2); // 23:30 with offset, 23:45 naive local
    expect(await dials('2026-W39')).toBe(1); // 16:10 UTC Sunday = 00:10 Monday local
    const wb = await readXlsx(
      await (await getReport(fx.app, `week=2026-W38&format=xlsx&lang=en&campaign=tz_probe`)).arrayBuffer(),
    );
    const daily = wb.getWorksheet('Daily')!;
    const dates: unknown[] = [];
    daily.eachRow((r, i) => i > 1 && r.getCell(2).value && dates.push(r.getCell(2).value));
    expect(dates).toContain('2026-09-20');
    expect(dates).not.toContain('2026-09-21');
  });
});
