/**
 * Report charts: pure option builders (rows -> ECharts option) and one server-side SVG
 * renderer. ECharts' SSR mode needs no DOM; the SVG string is inlined in the HTML, so the
 * report reads without any script or network.
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import type { BreakdownRow, HeatmapCell, ReportData } from './data.ts';
import { headlineRate, MIN_DENOMINATOR } from './data.ts';
import { centeredRange, inkOn, rampFor } from '../contract/palette.ts';
import type { Headline, RateMeasure } from '../semantic/measures.ts';
import { dict, reportFormat, type Lang } from './i18n.ts';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  VisualMapComponent,
  SVGRenderer,
]);

// Latin from a TrueType face first: Chromium embeds it as a real font, while the CFF-based Noto
// CJK faces become Type 3 glyphs and print about five times slower. CJK falls through to Noto.
export const FONT_STACK =
  '"Liberation Sans", Arial, "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const COLORS = {
  current: '#1f5fa8',
  previous: '#9aa7b4',
  bars: '#d5e2f0',
  mix: '#e39b2d',
  rate: '#1f5fa8',
  grey: '#e6e6e6',
};

export function renderSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_STACK }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The rate the report's charts draw: its headline (DESIGN.md, Metrics), with numerator and
 * denominator as the semantic layer defines them (hang-up rate: early hang-ups / known party;
 * short-call rate: short calls / answered).
 */
export const chartRate = (headline: Headline): RateMeasure => headlineRate(headline);

type Row = BreakdownRow | HeatmapCell;
const field = (r: Row, key: string) => (r as unknown as Record<string, number | null | undefined>)[key];
/** The rate's denominator; a row without its count (built before issue 9) falls back to its answered calls. */
const denominatorOf = (m: RateMeasure, r: Row) => field(r, m.denominator) ?? r.answered;
const valueOf = (m: RateMeasure, r: Row) => field(r, m.key) ?? null;

const pct = (x: number | null | undefined) =>
  typeof x === 'number' && Number.isFinite(x) ? Math.round(x * 1000) / 10 : null;

/**
 * This week's daily headline rate (the hang-up rate, or the short-call rate when that is the
 * headline) against the same weekday last week, with this week's dials as bars.
 */
export function buildTrendOption(d: ReportData, lang: Lang, headline: Headline = 'hangup'): EChartsCoreOption {
  const t = dict(lang);
  const m = chartRate(headline);
  const name = t.kpis[m.key as 'hangupRate' | 'shortCallRate'];
  const byDate = new Map<string, BreakdownRow>(d.daily.map((r) => [String(r.key), r]));
  const cur = d.week.days.map((day) => byDate.get(day));
  const prev = d.previousWeek.days.map((day) => byDate.get(day));
  // A rate over too few calls in its denominator is not drawn (gap), rather than drawn as if it meant something.
  const rate = (r: BreakdownRow | undefined) =>
    r && denominatorOf(m, r) >= MIN_DENOMINATOR ? pct(valueOf(m, r)) : null;
  return {
    color: [COLORS.current, COLORS.previous, COLORS.bars],
    legend: {
      top: 0,
      data: [`${name} · ${t.thisWeek}`, `${name} · ${t.previousWeek}`, `${t.dials} · ${t.thisWeek}`],
    },
    grid: { left: 48, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: d.week.days.map((day, i) => `${t.weekdays[i]} ${day.slice(5)}`) },
    yAxis: [
      { type: 'value', name: '%', min: 0, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: t.dials, splitLine: { show: false } },
    ],
    series: [
      {
        name: `${name} · ${t.thisWeek}`,
        type: 'line',
        data: cur.map(rate),
        label: { show: true, formatter: '{c}%', fontSize: 10 },
        lineStyle: { width: 2.5 },
        z: 3,
      },
      {
        name: `${name} · ${t.previousWeek}`,
        type: 'line',
        data: prev.map(rate),
        lineStyle: { type: 'dashed' },
        z: 2,
      },
      {
        name: `${t.dials} · ${t.thisWeek}`,
        type: 'bar',
        yAxisIndex: 1,
        data: cur.map((r) => r?.dials ?? 0),
        barWidth: '45%',
        z: 1,
      },
    ],
  };
}

/**
 * Hour x weekday heatmap of the headline rate (hang-up or short-call rate) on the dashboard's
 * diverging palette: blue better than the week's overall rate, red worse, centred on it; cells with
 * too few calls in the rate's denominator (known-party calls, or answered calls for the short-call
 * rate) grey, cells with answered calls but no rate (no known party) stay blank.
 * Hours read "10:00"; the legend says which end is good.
 */
export function buildHeatmapOption(cells: HeatmapCell[], lang: Lang, headline: Headline = 'hangup'): EChartsCoreOption {
  const t = dict(lang);
  const m = chartRate(headline);
  const den = (c: HeatmapCell) => denominatorOf(m, c);
  const rateOf = (c: HeatmapCell) => valueOf(m, c);
  const hours = cells.map((c) => Number(c.x)).filter((h) => Number.isInteger(h));
  const lo = hours.length ? Math.min(...hours) : 8;
  const hi = hours.length ? Math.max(...hours) : 21;
  const xs = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const readable = cells.filter((c) => den(c) >= MIN_DENOMINATOR && rateOf(c) !== null);
  const thin = cells.filter((c) => den(c) > 0 && den(c) < MIN_DENOMINATOR && rateOf(c) !== null);
  const point = (c: HeatmapCell) => [xs.indexOf(Number(c.x)), Number(c.y) - 1, pct(rateOf(c))];
  const total = cells.reduce((s, c) => s + den(c), 0);
  const overall = total ? cells.reduce((s, c) => s + (field(c, m.numerator) ?? 0), 0) / total : null;
  const [rlo, rhi] = centeredRange(
    readable.map((c) => rateOf(c)!),
    overall,
  );
  const vmin = rlo * 100;
  const vmax = rhi * 100;
  const f = reportFormat(lang);
  return {
    grid: { left: 44, right: 16, top: 8, bottom: 64 },
    xAxis: {
      type: 'category',
      data: xs.map((h) => f.hour(h)),
      name: t.hour,
      nameLocation: 'middle',
      nameGap: 22,
      splitArea: { show: true },
    },
    yAxis: { type: 'category', data: t.weekdays, inverse: true, splitArea: { show: true } },
    // Every heatmap series needs a visualMap; the second one only paints thin cells grey.
    visualMap: [
      {
        seriesIndex: 0,
        min: vmin,
        max: vmax,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 220,
        itemWidth: 10,
        calculable: false,
        text: [`${t.heatWorse} ${f.pct(rhi)}`, `${f.pct(Math.max(0, rlo))} ${t.heatBetter}`],
        inRange: { color: rampFor(m.key) },
        textStyle: { fontSize: 10 },
      },
      { seriesIndex: 1, show: false, min: 0, max: 100, inRange: { color: [COLORS.grey, COLORS.grey] } },
    ],
    series: [
      {
        type: 'heatmap',
        data: readable.map((c) => {
          const value = point(c);
          return { value, label: { color: inkOn((value[2]! - vmin) / Math.max(1e-9, vmax - vmin)) } };
        }),
        label: { show: true, fontSize: 9, formatter: (p: { value: number[] }) => `${Math.round(p.value[2]!)}` },
      },
      {
        type: 'heatmap',
        data: thin.map(point),
        label: {
          show: true,
          fontSize: 9,
          color: '#a8a8a8',
          formatter: (p: { value: number[] }) => `${Math.round(p.value[2]!)}`,
        },
      },
    ],
  };
}

/** A bar label only where the bar is wide enough to hold it (about 7% of the axis span). */
const fits = (span: number) => (p: { value: number }) =>
  Math.abs(p.value) >= span * 0.07 ? `${p.value > 0 ? '+' : ''}${p.value}` : '';

/** Mix and rate parts of the decomposed rate's change (the week's headline rate), one bar per dimension, in points. */
export function buildDriversOption(d: ReportData, lang: Lang): EChartsCoreOption {
  const t = dict(lang);
  const ok = d.decompositions.filter((x) => Number.isFinite(x.result.change));
  const pts = (x: number) => Math.round(x * 1000) / 10;
  const span = Math.max(1, ...ok.flatMap((x) => [Math.abs(pts(x.result.mix)) + Math.abs(pts(x.result.rate))]));
  return {
    color: [COLORS.mix, COLORS.rate],
    legend: { top: 0, data: [t.mix, t.rateEffect] },
    grid: { left: 96, right: 24, top: 30, bottom: 24 },
    xAxis: { type: 'value', name: t.pt, axisLabel: { formatter: '{value}' } },
    yAxis: { type: 'category', data: ok.map((x) => t.dimensions[x.dimension]), inverse: true },
    series: [
      {
        name: t.mix,
        type: 'bar',
        stack: 'change',
        data: ok.map((x) => pts(x.result.mix)),
        label: { show: true, position: 'inside', fontSize: 10, formatter: fits(span) },
      },
      {
        name: t.rateEffect,
        type: 'bar',
        stack: 'change',
        data: ok.map((x) => pts(x.result.rate)),
        label: { show: true, position: 'inside', fontSize: 10, color: '#fff', formatter: fits(span) },
      },
    ],
  };
}
