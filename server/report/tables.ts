/**
 * The report as plain tables: one model that the XLSX writer (one sheet per table) and the CSV
 * writer (one block per table) both render. Numbers stay numbers here; `fmt` says how to show
 * them (percent, percentage points, count, p-value).
 */
import { points, type CellValue, type ReportTable } from './table-model.ts';
export type { CellValue, Column, Fmt, ReportTable } from './table-model.ts';
export { points } from './table-model.ts';
import type { ReportData, Kpi } from './data.ts';
import { recommendationRows, abRows } from './insight-rows.ts';
import { valueLabel } from '../contract/labels.ts';
import { dict, fill, reportFormat, type Lang } from './i18n.ts';

const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** A decomposition group's name: hours as windows, stored codes through the shared dictionary. */
export function groupLabel(dimension: string, key: string | number | null, lang: Lang): string {
  if (key === null) return dict(lang).none;
  return dimension === 'hour' ? reportFormat(lang).hours(key) : valueLabel(lang, dimension, key);
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

  const kpi: ReportTable = {
    id: 'kpi',
    name: t.sheetNames.kpi,
    title: `${t.kpiTitle} ${d.week.label}`,
    columns: [
      { header: t.metric, fmt: 'text' },
      { header: t.thisWeek, fmt: 'pct' },
      { header: t.previousWeek, fmt: 'pct' },
      { header: t.change, fmt: 'pp' },
      { header: `${t.change} ${t.ciLow}`, fmt: 'pp' },
      { header: `${t.change} ${t.ciHigh}`, fmt: 'pp' },
      { header: t.pValue, fmt: 'p' },
      { header: t.significance, fmt: 'text' },
      { header: `${t.thisWeek} ${t.ciLow}`, fmt: 'pct' },
      { header: `${t.thisWeek} ${t.ciHigh}`, fmt: 'pct' },
      { header: `${t.thisWeek} ${lang === 'zh' ? '分子' : 'numerator'}`, fmt: 'int' },
      { header: `${t.thisWeek} ${lang === 'zh' ? '分母' : 'denominator'}`, fmt: 'int' },
      { header: `${t.previousWeek} ${lang === 'zh' ? '分子' : 'numerator'}`, fmt: 'int' },
      { header: `${t.previousWeek} ${lang === 'zh' ? '分母' : 'denominator'}`, fmt: 'int' },
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

  const drivers: ReportTable = {
    id: 'drivers',
    name: t.sheetNames.drivers,
    title: t.driversTitle,
    note: t.driversNote,
    columns: [
      { header: t.dimension, fmt: 'text' },
      { header: lang === 'zh' ? '组' : 'Group', fmt: 'text' },
      { header: t.shareBefore, fmt: 'pct' },
      { header: t.shareNow, fmt: 'pct' },
      { header: t.rateBefore, fmt: 'pct' },
      { header: t.rateNow, fmt: 'pct' },
      { header: t.mix, fmt: 'pp' },
      { header: t.rateEffect, fmt: 'pp' },
      { header: t.total, fmt: 'pp' },
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

  const weekOf = (date: string) => (date >= d.week.from ? d.week.label : d.previousWeek.label);
  tables.push({
    id: 'daily',
    name: t.sheetNames.daily,
    title: t.dailyTitle,
    columns: [
      { header: t.week, fmt: 'text' },
      { header: t.date, fmt: 'text' },
      { header: t.weekday, fmt: 'text' },
      { header: t.dials, fmt: 'int' },
      { header: t.answered, fmt: 'int' },
      { header: t.connectRate, fmt: 'pct' },
      { header: t.earlyHangups, fmt: 'int' },
      { header: t.hangupRate, fmt: 'pct' },
      { header: t.ciLow, fmt: 'pct' },
      { header: t.ciHigh, fmt: 'pct' },
    ],
    rows: d.daily.map((r) => {
      const date = String(r.key);
      const wd = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
      return [
        weekOf(date),
        date,
        t.weekdays[wd]!,
        r.dials,
        r.answered,
        num(r.connectRate),
        r.earlyHangups,
        num(r.hangupRate),
        num(r.ciLow),
        num(r.ciHigh),
      ];
    }),
  });

  tables.push({
    id: 'heatmap',
    name: t.sheetNames.heatmap,
    title: t.heatmapTitle,
    columns: [
      { header: t.weekday, fmt: 'text' },
      { header: t.hour, fmt: 'int' },
      { header: t.dials, fmt: 'int' },
      { header: t.answered, fmt: 'int' },
      { header: t.earlyHangups, fmt: 'int' },
      { header: t.hangupRate, fmt: 'pct' },
      { header: t.ciLow, fmt: 'pct' },
      { header: t.ciHigh, fmt: 'pct' },
    ],
    rows: d.heatmap.map((c) => [
      t.weekdays[Number(c.y) - 1] ?? String(c.y),
      num(Number(c.x)),
      c.dials,
      c.answered,
      c.earlyHangups,
      num(c.hangupRate),
      num(c.ciLow),
      num(c.ciHigh),
    ]),
  });

  tables.push({
    id: 'scripts',
    name: t.sheetNames.scripts,
    title: t.scriptsCrude,
    columns: [
      { header: t.script, fmt: 'text' },
      { header: t.dials, fmt: 'int' },
      { header: t.answered, fmt: 'int' },
      { header: t.earlyHangups, fmt: 'int' },
      { header: t.hangupRate, fmt: 'pct' },
      { header: t.ciLow, fmt: 'pct' },
      { header: t.ciHigh, fmt: 'pct' },
    ],
    rows: d.scripts.map((r) => [
      valueLabel(lang, 'script', r.key),
      r.dials,
      r.answered,
      r.earlyHangups,
      num(r.hangupRate),
      num(r.ciLow),
      num(r.ciHigh),
    ]),
  });

  tables.push(abRows(d.ab, lang));
  tables.push(...recommendationRows(d.recommendations, lang, d));

  tables.push({
    id: 'quality',
    name: t.sheetNames.quality,
    title: t.qualityTitle,
    columns: [
      { header: t.metric, fmt: 'text' },
      { header: t.value, fmt: 'num' },
    ],
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
      { header: 'ID', fmt: 'int' },
      { header: t.fileName, fmt: 'text' },
      { header: t.ingestedAt, fmt: 'text' },
      { header: t.format, fmt: 'text' },
      { header: t.status, fmt: 'text' },
      { header: t.rowsRead, fmt: 'int' },
      { header: t.inserted, fmt: 'int' },
      { header: t.duplicates, fmt: 'int' },
      { header: t.rejected, fmt: 'int' },
      { header: lang === 'zh' ? '信息' : 'Message', fmt: 'text' },
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
      { header: 'ID', fmt: 'int' },
      { header: t.fileName, fmt: 'text' },
      { header: t.ingestedAt, fmt: 'text' },
      { header: t.calls, fmt: 'int' },
      { header: t.rowsRead, fmt: 'int' },
      { header: t.rejected, fmt: 'int' },
    ],
    rows: d.sources.map((s) => [s.ingestId, s.fileName, s.ingestedAt, s.calls, s.rowsRead, s.rejected]),
  });

  tables.push({
    id: 'definitions',
    name: t.sheetNames.definitions,
    title: t.definitionsTitle,
    columns: [
      { header: lang === 'zh' ? '项目' : 'Item', fmt: 'text' },
      { header: t.value, fmt: 'text' },
    ],
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
