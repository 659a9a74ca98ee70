/**
 * The report as plain tables: one model that the XLSX writer (one sheet per table) and the CSV
 * writer (one block per table) both render. Numbers stay numbers here; `fmt` says how to show
 * them (percent, percentage points, count, p-value).
 */
import { cols, metricTable, points, type CellValue, type MetricColumn, type ReportTable } from './table-model.ts';
export type { CellValue, Column, Fmt, ReportTable } from './table-model.ts';
export { points } from './table-model.ts';
import { headlineOf, type ReportData, type Kpi } from './data.ts';
import { recommendationRows, abRows } from './insight-rows.ts';
import { valueLabel } from '../contract/labels.ts';
import { dict, fill, fmtPct, reportFormat, type Lang } from './i18n.ts';

const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A decomposition group's name: hours as windows, stored codes through the shared dictionary. */
export function groupLabel(dimension: string, key: string | number | null, lang: Lang): string {
  if (key === null) return dict(lang).none;
  return dimension === 'hour' ? reportFormat(lang).hours(key) : valueLabel(lang, dimension, key);
}

/**
 * The decomposition's title, note and rate headers: of the hang-up rate, or, when the week's
 * headline is the short-call rate, of that rate with the headline's reason first.
 */
export function driverWords(d: ReportData, lang: Lang) {
  const t = dict(lang);
  if (d.decompositionRate !== 'shortCallRate')
    return { title: t.driversTitle, note: t.driversNote, rateBefore: t.rateBefore, rateNow: t.rateNow };
  const why = fill(t.driversShortReason, { share: fmtPct(d.current.unknownPartyShare) });
  return {
    title: t.driversTitleShort,
    note: `${why} ${fill(t.driversNoteShort, { T: d.settings.earlySeconds })}`,
    rateBefore: t.rateBeforeShort,
    rateNow: t.rateNowShort,
  };
}

export function buildTables(d: ReportData, lang: Lang): ReportTable[] {
  const t = dict(lang);
  const tables: ReportTable[] = [];
  const sigText = (k: Kpi) =>
    k.significant === null
      ? k.kind === 'count'
        ? null
        : t.notTestable
      : k.significant
        ? t.significant
        : t.notSignificant;

  const [numerator, denominator] = lang === 'zh' ? ['分子', '分母'] : ['numerator', 'denominator'];
  const kpi: ReportTable = {
    id: 'kpi',
    name: t.sheetNames.kpi,
    title: `${t.kpiTitle} ${d.week.label}`,
    columns: [
      ...cols('text', t.metric),
      ...cols('pct', t.thisWeek, t.previousWeek),
      ...cols('pp', t.change, `${t.change} ${t.ciLow}`, `${t.change} ${t.ciHigh}`),
      ...cols('p', t.pValue),
      ...cols('text', t.significance),
      ...cols('pct', `${t.thisWeek} ${t.ciLow}`, `${t.thisWeek} ${t.ciHigh}`),
      ...[t.thisWeek, t.previousWeek].flatMap((w) => cols('int', `${w} ${numerator}`, `${w} ${denominator}`)),
    ],
    rows: d.kpis.map((k) => [
      t.kpis[k.key],
      num(k.current.value),
      num(k.previous.value),
      k.kind === 'count' ? num(k.change) : points(k.change),
      points(k.changeCiLow),
      points(k.changeCiHigh),
      num(k.pValue),
      sigText(k),
      num(k.current.ciLow),
      num(k.current.ciHigh),
      k.current.numerator,
      num(k.current.denominator),
      k.previous.numerator,
      num(k.previous.denominator),
    ]),
    // Dials are counts: show them (and their change) as integers, not percentages.
    cellFmt: { '0:1': 'int', '0:2': 'int', '0:3': 'int' },
    note: t.kpiNote,
  };
  tables.push(kpi);

  const words = driverWords(d, lang);
  const drivers: ReportTable = {
    id: 'drivers',
    name: t.sheetNames.drivers,
    title: words.title,
    note: words.note,
    columns: [
      ...cols('text', t.dimension, lang === 'zh' ? '组' : 'Group'),
      ...cols('pct', t.shareBefore, t.shareNow, words.rateBefore, words.rateNow),
      ...cols('pp', t.mix, t.rateEffect, t.total),
    ],
    rows: [],
  };
  for (const { dimension, result } of d.decompositions) {
    drivers.rows.push([
      t.dimensions[dimension],
      t.total,
      null,
      null,
      num(result.rate0),
      num(result.rate1),
      points(result.mix),
      points(result.rate),
      points(result.change),
    ]);
    for (const s of result.segments) {
      drivers.rows.push([
        t.dimensions[dimension],
        groupLabel(dimension, s.key, lang),
        s.share0,
        s.share1,
        num(s.rate0),
        num(s.rate1),
        points(s.mix),
        points(s.rate),
        points(s.total),
      ]);
    }
  }
  tables.push(drivers);

  // Titles name the week's headline rate; both rates are in every one of these tables.
  const short = headlineOf(d.current) === 'short';
  const weekOf = (date: string) => (date >= d.week.from ? d.week.label : d.previousWeek.label);
  const weekdayOf = (date: string) => t.weekdays[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
  // Both rates, each beside its own denominator's count: known-party calls for the hang-up rate,
  // answered calls (the column before) for the short-call rate, whichever is the headline.
  const RATE: MetricColumn[] = [
    'knownParty',
    'earlyHangups',
    'hangupRate',
    'ciLow',
    'ciHigh',
    'shortCalls',
    'shortCallRate',
    'shortCallRateCiLow',
    'shortCallRateCiHigh',
  ];
  tables.push(
    metricTable(
      { id: 'daily', name: t.sheetNames.daily, title: t.dailyTitle },
      t,
      [
        [t.week, 'text', (r) => weekOf(String(r.key))],
        [t.date, 'text', (r) => String(r.key)],
        [t.weekday, 'text', (r) => weekdayOf(String(r.key))],
      ],
      ['dials', 'answered', 'connectRate', ...RATE],
      d.daily,
    ),
    metricTable(
      { id: 'heatmap', name: t.sheetNames.heatmap, title: short ? t.heatmapTitleShort : t.heatmapTitle },
      t,
      [
        [t.weekday, 'text', (c) => t.weekdays[Number(c.y) - 1] ?? String(c.y)],
        [t.hour, 'int', (c) => num(Number(c.x))],
      ],
      ['dials', 'answered', ...RATE],
      d.heatmap,
    ),
    metricTable(
      {
        id: 'scripts',
        name: t.sheetNames.scripts,
        title: short ? t.scriptsCrudeShort : t.scriptsCrude,
      },
      t,
      [[t.script, 'text', (r) => valueLabel(lang, 'script', r.key)]],
      ['dials', 'answered', ...RATE],
      d.scripts,
    ),
  );

  tables.push(abRows(d.ab, lang));
  tables.push(...recommendationRows(d.recommendations, lang, d));

  tables.push({
    id: 'quality',
    name: t.sheetNames.quality,
    title: t.qualityTitle,
    columns: [...cols('text', t.metric), ...cols('num', t.value)],
    rows: [
      [t.answered, d.current.answered],
      [t.unknownParty, d.current.unknownParty],
      [t.unknownPartyShare, num(d.current.unknownPartyShare)],
      [t.machineAnswered, d.current.machineAnswered],
      [t.filesThisWeek, d.ingestedThisWeek.length],
      [`${t.filesThisWeek}: ${t.rowsRead}`, d.ingestedThisWeek.reduce((s, f) => s + f.rowsRead, 0)],
      [`${t.filesThisWeek}: ${t.rejected}`, d.ingestedThisWeek.reduce((s, f) => s + f.rejected, 0)],
      [`${t.filesThisWeek}: ${t.duplicates}`, d.ingestedThisWeek.reduce((s, f) => s + f.duplicates, 0)],
    ],
    cellFmt: {
      '0:1': 'int',
      '1:1': 'int',
      '2:1': 'pct',
      '3:1': 'int',
      '4:1': 'int',
      '5:1': 'int',
      '6:1': 'int',
      '7:1': 'int',
    },
  });
  tables.push({
    id: 'ingest',
    name: t.sheetNames.ingest,
    title: t.filesThisWeek,
    columns: [
      ...cols('int', 'ID'),
      ...cols('text', t.fileName, t.ingestedAt, t.format, t.status),
      ...cols('int', t.rowsRead, t.inserted, t.duplicates, t.rejected),
      ...cols('text', lang === 'zh' ? '信息' : 'Message'),
    ],
    rows: d.ingestedThisWeek.map((f) => [
      f.ingestId,
      f.fileName,
      f.ingestedAt,
      valueLabel(lang, 'format', f.format),
      valueLabel(lang, 'status', f.status),
      f.rowsRead,
      f.inserted,
      f.duplicates,
      f.rejected,
      f.message,
    ]),
  });
  tables.push({
    id: 'sources',
    name: t.sheetNames.sources,
    title: t.sourcesTitle,
    columns: [
      ...cols('int', 'ID'),
      ...cols('text', t.fileName, t.ingestedAt),
      ...cols('int', t.calls, t.rowsRead, t.rejected),
    ],
    rows: d.sources.map((s) => [s.ingestId, s.fileName, s.ingestedAt, s.calls, s.rowsRead, s.rejected]),
  });

  tables.push({
    id: 'definitions',
    name: t.sheetNames.definitions,
    title: t.definitionsTitle,
    columns: [...cols('text', lang === 'zh' ? '项目' : 'Item', t.value)],
    rows: definitionRows(d, lang),
  });
  // 'pp' columns hold percentage points; say so in the header.
  for (const table of tables)
    for (const c of table.columns) if (c.fmt === 'pp') c.header += lang === 'zh' ? '（百分点）' : ' (pt)';
  return tables;
}

/** Metric definitions, the period and the filters: what someone needs to reproduce the numbers. */
export function definitionRows(d: ReportData, lang: Lang): CellValue[][] {
  const t = dict(lang);
  const rows: CellValue[][] = [
    [t.week, d.week.label],
    [t.period, `${d.week.from} – ${d.week.days[6]}`],
    [t.previousPeriod, `${d.previousWeek.from} – ${d.previousWeek.days[6]}`],
    [t.timezone, d.settings.timezone],
    [t.generatedAt, `${d.generatedLocal} (${d.settings.timezone})`],
  ];
  for (const [key, text] of Object.entries(t.definitions))
    rows.push([t.kpis[key as keyof typeof t.kpis], fill(text, { T: d.settings.earlySeconds })]);
  rows.push([lang === 'zh' ? '周' : 'Weeks', fill(t.weekRule, { tz: d.settings.timezone })]);
  rows.push([t.ci95, t.intervalRule]);
  for (const [key, values] of Object.entries(filterEntries(d)))
    rows.push([`${t.filters}: ${t.filterNames[key] ?? key}`, values.map((v) => valueLabel(lang, key, v)).join(', ')]);
  if (Object.keys(filterEntries(d)).length === 0) rows.push([t.filters, t.noFilters]);
  rows.push([t.reproduce.replace(/[:：]\s*$/, ''), reproduceUrl(d)]);
  return rows;
}

export function filterEntries(d: ReportData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of ['campaign', 'script', 'segment', 'numberTag', 'agent'] as const)
    if (d.filters[key].length) out[key] = d.filters[key];
  return out;
}

/** The /api/summary call that returns this week's headline numbers. */
export function reproduceUrl(d: ReportData): string {
  const q = new URLSearchParams({ from: d.week.from, to: d.week.to });
  for (const [key, values] of Object.entries(filterEntries(d))) for (const v of values) q.append(key, v);
  return `/api/summary?${q.toString()}`;
}
