import type { EChartsOption } from 'echarts';
import { CATEGORICAL, CJK_CHAR, FONT_STACK, INK, MIN_SAMPLE, MUTED, escapeHtml } from './theme.ts';

export interface ShareRow {
  label: string;
  count: number;
}

export interface ShareBarsOptions {
  pct: (r: number | null) => string;
  int: (n: number) => string;
  text: { count: string; share: string };
  color?: string;
}

/** How a total splits over categories (e.g. dispositions): horizontal bars of share, largest first. */
export function buildShareBarsOption(rows: readonly ShareRow[], o: ShareBarsOptions): EChartsOption {
  const total = rows.reduce((s, r) => s + r.count, 0);
  const sorted = [...rows].sort((a, b) => b.count - a.count);
  const share = (r: ShareRow) => (total > 0 ? r.count / total : 0);
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK, color: INK },
    tooltip: {
      trigger: 'item',
      formatter: ((p: { dataIndex: number }) => {
        const r = sorted[p.dataIndex]!;
        return `<b>${escapeHtml(r.label)}</b><br>${escapeHtml(o.text.count)}: ${o.int(r.count)}<br>${escapeHtml(o.text.share)}: ${o.pct(share(r))}`;
      }) as never,
    },
    grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    xAxis: { type: 'value', max: 1, show: false },
    yAxis: {
      type: 'category',
      inverse: true,
      data: sorted.map((r) => r.label),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: INK },
    },
    series: [
      {
        type: 'bar',
        data: sorted.map(share),
        itemStyle: { color: o.color ?? CATEGORICAL[0] },
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          color: MUTED,
          formatter: ((p: { value: number }) => o.pct(p.value)) as never,
        },
      },
    ],
  };
}

export interface GroupedBarsOptions {
  pct: (r: number | null) => string;
  /** Bars whose rate has a denominator below this are faded (default MIN_SAMPLE). */
  minSample?: number;
}

/** Opacity of a bar on too few calls: still there, plainly not to be read like the others. */
export const FADED = 0.3;

const CJK_PER_LINE = 4;

/** A CJK word (no spaces to break at) in balanced lines of at most 4 characters: 被标为营销 = 被标为 / 营销. */
function cjkLines(word: string): string[] {
  const chars = [...word];
  if (chars.length <= CJK_PER_LINE || !CJK_CHAR.test(word)) return [word];
  const per = Math.ceil(chars.length / Math.ceil(chars.length / CJK_PER_LINE));
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += per) lines.push(chars.slice(i, i + per).join(''));
  return lines;
}

/** An axis label with each word on its own line, long CJK words broken too (they have no spaces). */
export const wordPerLine = (label: string): string => label.trim().split(/\s+/).flatMap(cjkLines).join('\n');

/** Several rates side by side per category (e.g. connect / rejection / hang-up rate per number tag). */
export function buildGroupedRatesOption(
  categories: readonly string[],
  // n: each value's denominator (dials for the connect rate, known-party answers for the hang-up rate).
  series: readonly { name: string; values: readonly (number | null)[]; n?: readonly number[] }[],
  o: GroupedBarsOptions,
): EChartsOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT_STACK, color: INK },
    legend: { top: 0, left: 0, textStyle: { fontFamily: FONT_STACK } },
    tooltip: { trigger: 'axis', valueFormatter: ((v: number | null) => o.pct(v)) as never, confine: true },
    // Room for a legend that wraps to two lines on a phone; every category labelled, a word per line:
    // a fixed label width ran "Marked as sales" into "Marked as spam" where five groups share 390 px.
    grid: { left: 8, right: 8, top: 60, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...categories],
      axisTick: { show: false },
      axisLabel: { color: INK, interval: 0, fontSize: 11, formatter: wordPerLine as never },
    },
    yAxis: {
      type: 'value',
      min: 0,
      axisLabel: { color: MUTED, formatter: ((v: number) => o.pct(v)) as never },
      splitLine: { lineStyle: { color: '#eceef0' } },
    },
    series: series.map((s, i) => ({
      type: 'bar' as const,
      name: s.name,
      data: s.values.map((v, j) =>
        s.n && s.n[j]! < (o.minSample ?? MIN_SAMPLE) ? { value: v, itemStyle: { opacity: FADED } } : v,
      ),
      itemStyle: { color: CATEGORICAL[i % CATEGORICAL.length] },
      barMaxWidth: 28,
    })),
  };
}
