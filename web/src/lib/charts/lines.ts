import type { EChartsOption, SeriesOption } from 'echarts';
import { FONT_STACK, INK, MIN_SAMPLE, MUTED, escapeHtml } from './theme.ts';

export interface RatePoint {
  x: string | number;
  rate: number | null;
  low: number | null;
  high: number | null;
  /** The rate's denominator. */
  n: number;
}

export interface RateLine {
  name: string;
  color: string;
  points: readonly RatePoint[];
}

export interface RateLinesOptions {
  xLabel: (x: string | number) => string;
  pct: (r: number | null) => string;
  int: (n: number) => string;
  text: { interval: string; n: string; smallSample: string };
  minSample?: number;
  /** Axis name under the x axis (e.g. "calls to this person in 30 days"). */
  xName?: string;
  /** Every position of the axis, in order (days without calls included, drawn as gaps); default: the points' x values. */
  xs?: readonly (string | number)[];
}

/**
 * Every calendar day from the first to the last of `dates` (YYYY-MM-DD), and whether they span
 * more than one year (then labels carry the year). Capped so a decade of gaps stays drawable.
 */
export function dayAxis(dates: readonly string[], maxDays = 3660): { days: string[]; years: boolean } {
  if (dates.length === 0) return { days: [], years: false };
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const days: string[] = [];
  for (
    let ms = Date.parse(`${first}T00:00:00Z`), end = Date.parse(`${last}T00:00:00Z`);
    ms <= end && days.length < maxDays;
    ms += 86_400_000
  ) {
    days.push(new Date(ms).toISOString().slice(0, 10));
  }
  return { days, years: first.slice(0, 4) !== last.slice(0, 4) };
}

/**
 * The top of a rate axis: the highest interval bound among points with enough calls (plus a
 * little room), so one 2-call day's 0–100% band does not flatten every other day.
 */
export function rateAxisMax(lines: readonly RateLine[], minN: number): number | undefined {
  const highs = lines.flatMap((l) => l.points.filter((p) => p.n >= minN).map((p) => p.high ?? p.rate ?? 0));
  if (highs.length === 0) return undefined;
  // Whole tens of percent: ECharts then lands its ticks on the top, no label squeezed under it.
  return Math.min(1, Math.ceil((Math.max(...highs) + 0.02) * 10 - 1e-9) / 10);
}

/**
 * Rates along an ordered axis (days, call counts), each line with its 95% band. The band is
 * drawn as two stacked series: an invisible lower bound, then the interval width filled on top.
 */
export function buildRateLinesOption(lines: readonly RateLine[], o: RateLinesOptions): EChartsOption {
  const minN = o.minSample ?? MIN_SAMPLE;
  const small = (p: RatePoint) => p.n < minN;
  const xs = o.xs ? [...o.xs] : [...new Set(lines.flatMap((l) => l.points.map((p) => p.x)))];
  const series: SeriesOption[] = [];
  lines.forEach((line, i) => {
    const at = new Map(line.points.map((p) => [p.x, p]));
    const pts = xs.map((x) => at.get(x));
    const stack = `band-${i}`;
    const band = {
      type: 'line' as const,
      stack,
      symbol: 'none',
      silent: true,
      lineStyle: { opacity: 0 },
      tooltip: { show: false },
    };
    series.push(
      { ...band, name: `${line.name} low`, data: pts.map((p) => p?.low ?? null) },
      {
        ...band,
        name: `${line.name} band`,
        data: pts.map((p) => (p?.low != null && p.high != null ? p.high - p.low : null)),
        areaStyle: { color: line.color, opacity: 0.18 },
      },
      {
        type: 'line',
        name: line.name,
        color: line.color,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2 },
        // The solid line joins readable points only: a swing from 29% to 75% on 9 calls drawn solid
        // read as a finding.
        data: pts.map((p) => ({ value: p && !small(p) ? p.rate : null })),
      },
      {
        type: 'line',
        name: line.name, // one legend entry toggles both
        color: line.color,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 1.5, type: 'dashed', opacity: 0.6 },
        tooltip: { show: false },
        // Points on too few calls: hollow, joined to their neighbours by a thin dashed line.
        data: pts.map((p, j) =>
          p && small(p)
            ? { value: p.rate, itemStyle: { color: '#ffffff', borderColor: line.color, borderWidth: 1.5 } }
            : p && [pts[j - 1], pts[j + 1]].some((q) => q && small(q))
              ? { value: p.rate, symbol: 'none' }
              : { value: null },
        ),
      },
    );
  });

  const tooltip = (params: { axisIndex: number; dataIndex: number }[]) => {
    const idx = params[0]?.dataIndex ?? 0;
    const x = xs[idx]!;
    const rows = lines.map((l) => {
      const p = l.points.find((q) => q.x === x);
      if (!p) return '';
      const small = p.n < minN ? ` <i>(${escapeHtml(o.text.smallSample)})</i>` : '';
      return (
        `<span style="color:${l.color}">●</span> ${escapeHtml(l.name)}: <b>${o.pct(p.rate)}</b>` +
        ` <span style="color:${MUTED}">${escapeHtml(o.text.interval)} ${o.pct(p.low)} – ${o.pct(p.high)}, ${escapeHtml(o.text.n)} ${o.int(p.n)}</span>${small}`
      );
    });
    return [`<b>${escapeHtml(o.xLabel(x))}</b>`, ...rows.filter(Boolean)].join('<br>');
  };

  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK, color: INK },
    legend:
      lines.length > 1
        ? { top: 0, left: 0, data: lines.map((l) => l.name), textStyle: { fontFamily: FONT_STACK } }
        : undefined,
    tooltip: { trigger: 'axis', formatter: tooltip as never, confine: true },
    grid: { left: 8, right: 28, top: lines.length > 1 ? 36 : 12, bottom: o.xName ? 36 : 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: xs.map((x) => o.xLabel(x)),
      boundaryGap: false,
      name: o.xName,
      nameLocation: 'middle',
      nameGap: 28,
      // hideOverlap: no two labels on top of each other; the last one stays inside the chart.
      axisLabel: { color: MUTED, hideOverlap: true, margin: 10 },
      axisLine: { lineStyle: { color: '#c8ccd1' } },
    },
    // A rate axis starts at 0, so a small wobble is not drawn as a cliff; its top follows the
    // readable points (thin days may reach past it: their band is clipped, their dot is hollow).
    yAxis: {
      type: 'value',
      min: 0,
      max: rateAxisMax(lines, minN),
      axisLabel: { color: MUTED, formatter: ((v: number) => o.pct(v)) as never },
      splitLine: { lineStyle: { color: '#eceef0' } },
    },
    series,
  };
}
