import type { EChartsOption } from 'echarts';
import type { HeatCell } from '../api-types.ts';
import { MEASURES, type RateMetric } from './measures.ts';
import { inkOn, rampFor } from './palette.ts';
import { FONT_STACK, INK, MIN_SAMPLE, MUTED, SMALL_SAMPLE_GREY, escapeHtml } from './theme.ts';

type Key = string | number | null;

export interface HeatmapText {
  metric: string;
  numerator: string;
  denominator: string;
  interval: string;
  smallSample: string;
}

export interface HeatmapOptions {
  metric: RateMetric;
  /** Column and row keys in display order; rows always all shown (e.g. 7 weekdays). */
  xs: readonly Key[];
  ys: readonly Key[];
  xLabel: (v: Key) => string;
  yLabel: (v: Key) => string;
  /**
   * Colour scale bounds, centred on the view's overall rate (palette.ts centeredRange) and shared
   * by the combined map and the per-segment panels so their colours compare.
   */
  range: [number, number];
  pct: (r: number | null, digits?: number) => string;
  int: (n: number) => string;
  text: HeatmapText;
  /** Small multiple: no value labels, no colour legend, tighter margins. */
  compact?: boolean;
  /** Width of one column in px, when known: narrow columns drop cell labels and thin out hour labels. */
  columnPx?: number;
  minSample?: number;
}

interface Item {
  value: [number, number, number | null];
  cell: HeatCell;
  label?: { color: string };
}

/** The heatmap of one rate over two dimensions as an ECharts option (pure: no DOM). */
export function buildHeatmapOption(cells: readonly HeatCell[], o: HeatmapOptions): EChartsOption {
  const m = MEASURES[o.metric];
  const minN = o.minSample ?? MIN_SAMPLE;
  const xi = new Map(o.xs.map((v, i) => [v, i]));
  const yi = new Map(o.ys.map((v, i) => [v, i]));
  const [lo, hi] = o.range;
  const readable: Item[] = [];
  const small: Item[] = [];
  for (const cell of cells) {
    const x = xi.get(cell.x);
    const y = yi.get(cell.y);
    if (x === undefined || y === undefined) continue;
    const rate = m.rate(cell);
    // A grey cell's value only positions it (no rate may exist at all); tooltips read the cell.
    if (rate === null || m.den(cell) < minN) small.push({ value: [x, y, 0], cell });
    else readable.push({ value: [x, y, rate], cell, label: { color: inkOn((rate - lo) / (hi - lo || 1)) } });
  }

  const tooltip = (p: { data: Item }) => {
    const c = p.data.cell;
    const lines = [
      `<b>${escapeHtml(o.yLabel(c.y))} · ${escapeHtml(o.xLabel(c.x))}</b>`,
      `${escapeHtml(o.text.metric)}: <b>${o.pct(m.rate(c))}</b>`,
      `${escapeHtml(o.text.numerator)} ${o.int(m.num(c))} / ${escapeHtml(o.text.denominator)} ${o.int(m.den(c))}`,
      `${escapeHtml(o.text.interval)}: ${o.pct(m.low(c))} – ${o.pct(m.high(c))}`,
    ];
    if (m.den(c) < minN) lines.push(`<i>${escapeHtml(o.text.smallSample)}</i>`);
    return lines.join('<br>');
  };

  const compact = o.compact ?? false;
  const px = o.columnPx ?? Infinity;
  const cellLabels = !compact && px >= 34; // "35%" needs ~30 px at 11 px type
  const hourEvery = compact || px < 42 ? (px < 21 ? 2 : 1) : 0; // ECharts interval: labels skipped between shown ones
  const cellBorder = { borderColor: '#ffffff', borderWidth: 1 };
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK, color: INK },
    tooltip: { trigger: 'item', formatter: tooltip as never, confine: true },
    grid: compact
      ? { left: 8, right: 8, top: 4, bottom: 4, containLabel: true }
      : { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: o.xs.map((v) => o.xLabel(v)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: MUTED, fontSize: compact ? 10 : 12, interval: hourEvery },
    },
    yAxis: {
      type: 'category',
      data: o.ys.map((v) => o.yLabel(v)),
      inverse: true, // first row (Monday) at the top, as people read a week
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: INK, fontSize: compact ? 10 : 12 },
    },
    // The colour legend is HTML beside the chart (HeatLegend: "better ← → worse"); ECharts' own
    // visualMap stays hidden, which also keeps its hover marker from printing a stray value.
    visualMap: [
      {
        type: 'continuous',
        seriesIndex: 0,
        min: lo,
        max: hi,
        show: false,
        hoverLink: false,
        inRange: { color: rampFor(o.metric) },
      },
      // ECharts wants every heatmap series under a visualMap: the grey one gets a constant grey.
      {
        type: 'continuous',
        seriesIndex: 1,
        show: false,
        min: 0,
        max: 1,
        inRange: { color: [SMALL_SAMPLE_GREY, SMALL_SAMPLE_GREY] },
      },
    ],
    series: [
      {
        type: 'heatmap',
        name: o.text.metric,
        data: readable as never,
        itemStyle: cellBorder,
        label: {
          show: cellLabels,
          fontSize: 11,
          formatter: ((p: { data: Item }) => o.pct(p.data.value[2], 0)) as never,
        },
        emphasis: { itemStyle: { borderColor: INK, borderWidth: 2 } },
      },
      {
        // Too few calls to read: grey, hatched, and listed in the legend note beside the chart.
        type: 'heatmap',
        name: o.text.smallSample,
        data: small as never,
        itemStyle: {
          ...cellBorder,
          color: SMALL_SAMPLE_GREY,
          decal: {
            symbol: 'rect',
            symbolSize: 1,
            color: 'rgba(0,0,0,0.18)',
            dashArrayX: [1, 0],
            dashArrayY: [2, 4],
            rotation: -Math.PI / 4,
          },
        },
        label: { show: false },
        emphasis: { itemStyle: { borderColor: INK, borderWidth: 2 } },
      },
    ],
  };
}

/** The columns of an hour axis: every hour from the first to the last one with calls. */
export function hourRange(cells: readonly { x: Key }[]): number[] {
  const hours = cells.map((c) => Number(c.x)).filter((h) => Number.isInteger(h));
  if (hours.length === 0) return [];
  const out: number[] = [];
  for (let h = Math.min(...hours); h <= Math.max(...hours); h++) out.push(h);
  return out;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
