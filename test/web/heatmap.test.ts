import { init, type EChartsType } from 'echarts/core';
import { describe, expect, it } from 'vitest';
import '../../web/src/lib/charts/echarts-setup.ts';
import { WEEKDAYS, buildHeatmapOption, hourRange } from '../../web/src/lib/charts/heatmap.ts';
import { GOOD_TO_BAD, centeredRange } from '../../web/src/lib/charts/palette.ts';
import { cell, int, pct } from './fixtures.ts';

const WEEKDAY_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const text = {
  metric: 'Hang-up rate',
  numerator: 'Early hang-ups',
  denominator: 'Answered',
  interval: '95% interval',
  smallSample: 'small sample',
};
const base = {
  metric: 'hangupRate' as const,
  ys: [...WEEKDAYS],
  xLabel: (v: unknown) => `${v}:00`,
  yLabel: (v: unknown) => WEEKDAY_EN[Number(v) - 1]!,
  range: [0.2, 0.4] as [number, number],
  pct,
  int,
  text,
};

// Monday and Tuesday only, one small cell: the other five weekdays have no calls at all.
const cells = [cell(9, 1, 200, 100, 30), cell(10, 1, 200, 100, 40), cell(9, 2, 100, 20, 5), cell(11, 2, 200, 100, 20)];

describe('buildHeatmapOption', () => {
  const option = buildHeatmapOption(cells, { ...base, xs: hourRange(cells) }) as any;

  it('always has a row per weekday, Monday on top, and a column per hour in the span', () => {
    expect(option.yAxis.data).toEqual(WEEKDAY_EN);
    expect(option.yAxis.inverse).toBe(true);
    expect(option.xAxis.data).toEqual(['9:00', '10:00', '11:00']);
  });

  it('puts cells with fewer than 30 answered calls in a separate grey, hatched series', () => {
    const [readable, small] = option.series;
    expect(readable.data.map((d: any) => d.value)).toEqual([
      [0, 0, 0.3],
      [1, 0, 0.4],
      [2, 1, 0.2],
    ]);
    expect(small.data.map((d: any) => [d.value[0], d.value[1], d.cell.hangupRate])).toEqual([[0, 1, 0.25]]);
    expect(small.itemStyle.color).toMatch(/^#[cd]/); // a light grey, outside the palette
    expect(small.itemStyle.decal).toBeDefined();
    expect(option.visualMap[0].seriesIndex).toBe(0); // the palette never colours the grey cells
    expect(option.visualMap[1].inRange.color).toEqual([small.itemStyle.color, small.itemStyle.color]);
  });

  it('colours good to bad on a diverging scale, flipped for the connect rate, with no ECharts legend to hover', () => {
    expect(option.visualMap[0].inRange.color).toEqual([...GOOD_TO_BAD]);
    expect(option.visualMap[0].show).toBe(false);
    expect([option.visualMap[0].min, option.visualMap[0].max]).toEqual([0.2, 0.4]);
    const [mid, top, bottom] = option.series[0].data;
    expect(mid.label.color).not.toBe('#ffffff'); // 0.3: the centre, near white, needs dark text
    expect(bottom.label.color).toBe('#ffffff'); // 0.2: strong blue
    expect(top.label.color).toBe('#ffffff'); // 0.4: strong red
    const connect = buildHeatmapOption(cells, { ...base, xs: hourRange(cells), metric: 'connectRate' }) as any;
    expect(connect.visualMap[0].inRange.color).toEqual([...GOOD_TO_BAD].reverse());
  });

  it('centres the scale on the overall rate and widens it symmetrically to hold every cell', () => {
    const [a, b] = centeredRange([0.1, 0.25], 0.2);
    expect(a).toBeCloseTo(0.1, 12);
    expect(b).toBeCloseTo(0.3, 12);
    const [lo, hi] = centeredRange([0.21, 0.38, 0.3], 0.3);
    expect((lo + hi) / 2).toBeCloseTo(0.3, 12);
    expect(lo).toBeLessThanOrEqual(0.21);
    expect(hi).toBeGreaterThanOrEqual(0.38);
  });

  it('tooltips give rate, numerator, denominator and interval, and flag small samples', () => {
    const readable = option.tooltip.formatter({ data: option.series[0].data[0] });
    expect(readable).toContain('Mon · 9:00');
    expect(readable).toContain('Hang-up rate: <b>30.0%</b>');
    expect(readable).toContain('Early hang-ups 30 / Answered 100');
    expect(readable).toContain('28.0% – 32.0%');
    expect(readable).not.toContain('small sample');
    expect(option.tooltip.formatter({ data: option.series[1].data[0] })).toContain('small sample');
  });

  it('escapes dimension values in tooltips (they come from uploaded files)', () => {
    const evil = [cell(9, '<img src=x onerror=alert(1)>', 100, 50, 10)];
    const o = buildHeatmapOption(evil, { ...base, ys: [evil[0]!.y], yLabel: String, xs: [9] }) as any;
    expect(o.tooltip.formatter({ data: o.series[0].data[0] })).not.toContain('<img');
  });

  it('reads the connect rate with dials as its denominator', () => {
    const o = buildHeatmapOption(cells, { ...base, metric: 'connectRate', xs: [9, 10, 11] }) as any;
    expect(o.series[0].data.map((d: any) => d.value[2])).toEqual([0.5, 0.5, 0.2, 0.5]);
    expect(o.series[1].data).toHaveLength(0); // 100 dials is plenty for a connect rate
  });

  it('renders in ECharts (server-side SVG) with all seven weekday labels', () => {
    const chart: EChartsType = init(null as never, null, { renderer: 'svg', ssr: true, width: 700, height: 300 });
    chart.setOption(buildHeatmapOption(cells, { ...base, xs: hourRange(cells) }));
    const svg = chart.renderToSVGString();
    chart.dispose();
    for (const d of WEEKDAY_EN) expect(svg).toContain(`>${d}</text>`);
    expect(svg).toContain('30%');
  });
});

describe('hourRange', () => {
  it('spans the first to the last hour with calls, filling gaps', () => {
    expect(hourRange([{ x: 13 }, { x: 9 }, { x: 11 }])).toEqual([9, 10, 11, 12, 13]);
    expect(hourRange([])).toEqual([]);
  });
});

describe('buildHeatmapOption on narrow screens', () => {
  it('drops cell labels and thins hour labels when columns are narrow', () => {
    const wide = buildHeatmapOption(cells, { ...base, xs: [9, 10, 11], columnPx: 60 }) as any;
    const narrow = buildHeatmapOption(cells, { ...base, xs: [9, 10, 11], columnPx: 22 }) as any;
    expect([wide.series[0].label.show, wide.xAxis.axisLabel.interval]).toEqual([true, 0]);
    expect([narrow.series[0].label.show, narrow.xAxis.axisLabel.interval]).toEqual([false, 1]);
  });
});
