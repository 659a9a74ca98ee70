/**
 * The weekly report's charts and tables follow the headline metric (issue 9, DESIGN.md Metrics):
 * a week whose answered calls mostly do not say who hung up charts the short-call rate (short
 * calls / answered), titled and explained as such; a week with known parties charts the hang-up
 * rate (early hang-ups / known party) as before. Every number below is counted by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHeatmapOption, buildTrendOption } from '../../server/report/charts.ts';
import { gatherReportData, headlineOf, type ReportData } from '../../server/report/data.ts';
import { parseIsoWeek } from '../../server/report/week.ts';
import { appFor, csv, ingestText, SETTINGS, tempStore } from '../helpers/temp-store.ts';
import { readXlsx } from './fixture.ts';

type Row = Record<string, string | number | undefined>;
type Slot = [count: number, disposition: string, talk: number, hangupBy?: string];

/** Calls in one local hour of one date, in the order given (minute = position in the hour). */
function hour(id: string, date: string, hh: number, slots: Slot[]): Row[] {
  const out: Row[] = [];
  for (const [count, disposition, talk, hangupBy] of slots)
    for (let i = 0; i < count; i++) {
      const mm = String(out.length).padStart(2, '0');
      out.push({
        call_id: `${id}-${date}-${hh}-${out.length}`,
        started_at: `${date}T${String(hh).padStart(2, '0')}:${mm}:00+08:00`,
        ring_seconds: 5,
        talk_seconds: talk,
        disposition,
        hangup_by: hangupBy,
        campaign: 'charts',
        script_id: 'A',
      });
    }
  return out;
}

// Party mostly unknown. W38 Monday 10:00: 40 answered (4 callee after 5 s, 8 unknown after 5 s,
// 28 unknown after 60 s) + 10 unanswered -> short calls 12/40 = 30%, known party 4 (hang-up rate
// 4/4 = 100%, which the charts must not draw). Tuesday 14:00: 20 answered, 10 of them 3 s -> 10/20
// = 50%, under 30 answered: grey cell, no point on the trend. W37 Monday 10:00: 6 of 30 short = 20%.
// This week: 4 of 60 answered have a known party, 56/60 = 93.3% unknown -> headline short.
const UNKNOWN: Row[] = [
  ...hour('u', '2026-09-14', 10, [
    [4, 'answered', 5, 'callee'],
    [8, 'answered', 5],
    [28, 'answered', 60],
    [10, 'no_answer', 0],
  ]),
  ...hour('u', '2026-09-15', 14, [
    [10, 'answered', 3],
    [10, 'answered', 40],
  ]),
  ...hour('u', '2026-09-07', 10, [
    [6, 'answered', 5],
    [24, 'answered', 60],
  ]),
];

// Every party known, same times. Monday 10:00: 8 callee after 5 s (early), 4 agent after 5 s,
// 28 agent after 60 s -> hang-up rate 8/40 = 20% (short-call rate 12/40 = 30%). Tuesday 14:00:
// 5 callee after 3 s, 5 agent after 3 s, 10 callee after 40 s -> 5/20 = 25%, under 30 known: grey.
// W37 Monday: 3 callee after 5 s, 3 system after 5 s, 24 agent after 60 s -> 3/30 = 10%.
const KNOWN: Row[] = [
  ...hour('k', '2026-09-14', 10, [
    [8, 'answered', 5, 'callee'],
    [4, 'answered', 5, 'agent'],
    [28, 'answered', 60, 'agent'],
    [10, 'no_answer', 0],
  ]),
  ...hour('k', '2026-09-15', 14, [
    [5, 'answered', 3, 'callee'],
    [5, 'answered', 3, 'agent'],
    [10, 'answered', 40, 'callee'],
  ]),
  ...hour('k', '2026-09-07', 10, [
    [3, 'answered', 5, 'callee'],
    [3, 'answered', 5, 'system'],
    [24, 'answered', 60, 'agent'],
  ]),
];

const WEEK = '2026-W38';
const FILTERS = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };

interface Case {
  store: Awaited<ReturnType<typeof tempStore>>;
  app: ReturnType<typeof appFor>;
  data: ReportData;
}
async function open(rows: Row[]): Promise<Case> {
  const store = await tempStore();
  const r = await ingestText(store, 'charts.csv', csv(rows));
  if (r.inserted !== rows.length) throw new Error(`ingest: ${JSON.stringify(r)}`);
  const data = await gatherReportData(store.db, { week: parseIsoWeek(WEEK), filters: FILTERS, settings: SETTINGS });
  return { store, app: appFor(store), data };
}

let unknown: Case;
let known: Case;
beforeAll(async () => {
  [unknown, known] = await Promise.all([open(UNKNOWN), open(KNOWN)]);
});
afterAll(() => {
  unknown?.store.cleanup();
  known?.store.cleanup();
});

async function report(c: Case, format: 'html' | 'xlsx' | 'csv', lang: 'en' | 'zh'): Promise<Response> {
  const res = await c.app.request(`/api/reports/weekly?week=${WEEK}&format=${format}&lang=${lang}`);
  expect(res.status).toBe(200);
  return res;
}

type HeatOption = {
  series: { data: ({ value: number[] } | number[])[] }[];
  visualMap: { min: number; max: number }[];
};
type TrendOption = { legend: { data: string[] }; series: { name: string; data: (number | null)[] }[] };
const values = (data: HeatOption['series'][number]['data']) => data.map((d) => ('value' in d ? d.value : d));

describe('report charts when the hang-up party is mostly unknown: the short-call rate', () => {
  it('the week’s headline is the short-call rate', () => {
    expect(headlineOf(unknown.data.current)).toBe('short');
    expect(unknown.data.current).toMatchObject({ answered: 60, knownParty: 4, shortCalls: 22 });
  });

  it('heatmap: short calls / answered per cell, grey under 30 answered, scale centred on 22/60', () => {
    const o = buildHeatmapOption(unknown.data.heatmap, 'en', headlineOf(unknown.data.current)) as HeatOption;
    // Hours 10..14 on x: Monday 10:00 is [0, 0], Tuesday 14:00 [4, 1].
    expect(values(o.series[0]!.data)).toEqual([[0, 0, 30]]);
    expect(values(o.series[1]!.data)).toEqual([[4, 1, 50]]);
    const { min, max } = o.visualMap[0]!;
    expect((min + max) / 2).toBeCloseTo((22 / 60) * 100, 9);
  });

  it.each([
    ['en', 'Short-call rate · This week', 'Short-call rate · Previous week'],
    ['zh', '短通话占比 · 本周', '短通话占比 · 上周'],
  ] as const)('daily trend (%s): short-call rate per day, a gap under 30 answered', (lang, cur, prev) => {
    const o = buildTrendOption(unknown.data, lang, headlineOf(unknown.data.current)) as TrendOption;
    expect(o.legend.data.slice(0, 2)).toEqual([cur, prev]);
    expect(o.series[0]).toMatchObject({ name: cur, data: [30, null, null, null, null, null, null] });
    expect(o.series[1]).toMatchObject({ name: prev, data: [20, null, null, null, null, null, null] });
  });

  it.each([
    [
      'en',
      [
        '<h2>Daily trend: short-call rate</h2>',
        '<h2>Short-call rate by hour × weekday</h2>',
        '<h3>Short-call rate per opening line this week (crude)</h3>',
        'Charted as the short-call rate, the headline metric this week, not the hang-up rate: 93.3% of the answered calls do not say who hung up (the headline switches when more than half do not). Cells show the short-call rate (%): answered calls shorter than 10 s, whoever hung up, of all answered calls;',
        'cells with fewer than 30 answered calls are grey',
        'Days with fewer than 30 answered calls have no point.',
        'Short-call rate · This week',
        // The daily and opening-line tables show the headline rate's columns (the XLSX has both).
        '<th class="n">Known party</th>',
        '<th class="n">Short-call rate</th>',
      ],
      ['Hang-up rate by hour', 'Hang-up rate · This week', '<th class="n">Early hang-ups</th>'],
    ],
    [
      'zh',
      [
        '<h2>每日趋势：短通话占比</h2>',
        '<h2>时段 × 星期 短通话占比热力图</h2>',
        '<h3>各开场白本周短通话占比（未调整）</h3>',
        '按本周核心指标短通话占比作图，而非挂断率：93.3% 的接通通话未记录挂断方（超过一半未记录时核心指标改为短通话占比）。 格内为短通话占比（%）：通话不足 10 秒的接通通话（不论谁挂断）占接通数的比例；',
        '接通数少于 30 的格子显示为灰色',
        '接通数少于 30 的日期不画点。',
        '短通话占比 · 本周',
        '<th class="n">挂断方已知</th>',
        '<th class="n">短通话占比</th>',
      ],
      ['挂断率热力图', '挂断率 · 本周', '<th class="n">早挂数</th>'],
    ],
  ] as const)('HTML (%s): titles, notes with the reason, chart legend', async (lang, present, absent) => {
    const text = await (await report(unknown, 'html', lang)).text();
    for (const s of present) expect(text).toContain(s);
    for (const s of absent) expect(text).not.toContain(s);
  });

  it('XLSX: known-party and short-call columns beside the hang-up rate (heatmap, daily, opening lines)', async () => {
    const wb = await readXlsx(await (await report(unknown, 'xlsx', 'en')).arrayBuffer());
    const cells = (sheet: string, row: number) =>
      Array.from(wb.getWorksheet(sheet)!.getRow(row).values as unknown[], (v) => v ?? null).slice(1);
    const rates = ['Known party', 'Early hang-ups', 'Hang-up rate', 'CI low', 'CI high', 'Short calls'];
    const short = ['Short-call rate', 'Short-call CI low', 'Short-call CI high'];
    expect(cells('Heatmap', 1)).toEqual(['Weekday', 'Hour', 'Dials', 'Answered', ...rates, ...short]);
    // Monday 10:00: 50 dials, 40 answered, 4 known (all early: 100%), 12 short (30%).
    expect(cells('Heatmap', 2).slice(0, 7)).toEqual(['Mon', 10, 50, 40, 4, 4, 1]);
    expect(cells('Heatmap', 2).slice(9, 11)).toEqual([12, 0.3]);
    // Tuesday 14:00: no known party, so no hang-up rate; 10 of 20 short.
    expect(cells('Heatmap', 3).slice(0, 7)).toEqual(['Tue', 14, 20, 20, 0, 0, null]);
    expect(cells('Heatmap', 3).slice(9, 11)).toEqual([10, 0.5]);
    expect(cells('Daily', 1)).toEqual([
      'Week',
      'Date',
      'Weekday',
      'Dials',
      'Answered',
      'Connect rate',
      ...rates,
      ...short,
    ]);
    const daily = [2, 3, 4].map((r) => cells('Daily', r));
    expect(daily.map((r) => [r[1], r[6], r[11], r[12]])).toEqual([
      ['2026-09-07', 0, 6, 0.2],
      ['2026-09-14', 4, 12, 0.3],
      ['2026-09-15', 0, 10, 0.5],
    ]);
    expect(cells('Opening lines', 1)).toEqual(['Opening line', 'Dials', 'Answered', ...rates, ...short]);
    expect(cells('Opening lines', 2).slice(0, 4)).toEqual(['Line A', 70, 60, 4]);
    expect(cells('Opening lines', 2).slice(8, 10)).toEqual([22, 22 / 60]);
  });

  it('CSV: the heatmap block carries the same columns', async () => {
    const text = Buffer.from(await (await report(unknown, 'csv', 'zh')).arrayBuffer()).toString('utf8');
    expect(text).toContain(
      '星期,小时,外呼量,接通数,挂断方已知,早挂数,挂断率（%）,区间下限（%）,区间上限（%）,短通话数,短通话占比（%）,短通话区间下限（%）,短通话区间上限（%）\r\n周一,10,50,40,4,4,100,',
    );
  });
});

describe('report charts when the hang-up party is known: the hang-up rate, unchanged', () => {
  it('heatmap and daily trend chart early hang-ups / known party', () => {
    expect(headlineOf(known.data.current)).toBe('hangup');
    const heat = buildHeatmapOption(known.data.heatmap, 'en', headlineOf(known.data.current)) as HeatOption;
    expect(values(heat.series[0]!.data)).toEqual([[0, 0, 20]]);
    expect(values(heat.series[1]!.data)).toEqual([[4, 1, 25]]);
    const { min, max } = heat.visualMap[0]!;
    expect((min + max) / 2).toBeCloseTo((13 / 60) * 100, 9);
    // The same options as without a headline (the charts' behaviour before the headline reached them).
    expect(JSON.stringify(heat)).toBe(JSON.stringify(buildHeatmapOption(known.data.heatmap, 'en')));
    const trend = buildTrendOption(known.data, 'zh', 'hangup') as TrendOption;
    expect(trend.series[0]).toMatchObject({ name: '挂断率 · 本周', data: [20, null, null, null, null, null, null] });
    expect(trend.series[1]).toMatchObject({ name: '挂断率 · 上周', data: [10, null, null, null, null, null, null] });
  });

  it.each([
    [
      'en',
      ['<h2>Daily trend</h2>', '<h2>Hang-up rate by hour × weekday</h2>', 'Hang-up rate · This week'],
      ['<th class="n">Known party</th>', '<th class="n">Hang-up rate</th>', '<th class="n">Short calls</th>'],
    ],
    [
      'zh',
      ['<h2>每日趋势</h2>', '<h2>时段 × 星期 挂断率热力图</h2>', '挂断率 · 本周'],
      ['<th class="n">挂断方已知</th>', '<th class="n">挂断率</th>', '<th class="n">短通话数</th>'],
    ],
  ] as const)('HTML (%s): hang-up rate titles, no short-call reason', async (lang, present, [party, rate, short]) => {
    const text = await (await report(known, 'html', lang)).text();
    for (const s of present) expect(text).toContain(s);
    // The tables: the hang-up rate beside its denominator, the short-call columns left to the XLSX.
    expect(text).toContain(party);
    expect(text).toContain(rate);
    expect(text).not.toContain(short);
    expect(text).not.toContain(lang === 'en' ? 'Charted as the short-call rate' : '按本周核心指标短通话占比作图');
    expect(text).not.toContain(lang === 'en' ? 'Short-call rate by hour' : '短通话占比热力图');
    // Tuesday's 20 known-party calls draw no point on the trend: the note names that count.
    expect(text).toContain(
      lang === 'en'
        ? 'Days with fewer than 30 answered calls that say who hung up have no point.'
        : '挂断方已知的接通数少于 30 的日期不画点。',
    );
  });
});
