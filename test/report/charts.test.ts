import { describe, expect, it } from 'vitest';
import { buildHeatmapOption, renderSvg } from '../../server/report/charts.ts';
import type { HeatmapCell } from '../../server/report/data.ts';

const cell = (x: number, y: number, answered: number, early: number): HeatmapCell => ({
  x,
  y,
  dials: answered * 2,
  answered,
  earlyHangups: early,
  hangupRate: answered ? early / answered : null,
  ciLow: null,
  ciHigh: null,
});

describe('heatmap option', () => {
  it('puts readable cells on the colour scale and thin ones (< 30 answered) in the grey series', () => {
    const option = buildHeatmapOption([cell(9, 1, 100, 25), cell(10, 7, 100, 40), cell(11, 3, 12, 6)], 'en') as {
      xAxis: { data: string[] };
      series: { data: { value: number[] }[] | number[][] }[];
      visualMap: { min: number; max: number }[];
    };
    expect(option.xAxis.data).toEqual(['09:00', '10:00', '11:00']);
    const readable = option.series[0]!.data as { value: number[] }[];
    expect(readable.map((d) => d.value)).toEqual([
      [0, 0, 25],
      [1, 6, 40],
    ]); // Monday is row 0, Sunday row 6
    expect(option.series[1]!.data).toEqual([[2, 2, 50]]);
    // Diverging scale centred on the overall rate of the map (71 of 212 answered), wide enough for both cells.
    const { min, max } = option.visualMap[0]!;
    expect((min + max) / 2).toBeCloseTo((71 / 212) * 100, 9);
    expect(min).toBeCloseTo(25, 9);
    expect(max).toBeGreaterThanOrEqual(40);
  });

  it('renders to an SVG string without a DOM', () => {
    const svg = renderSvg(buildHeatmapOption([cell(9, 1, 100, 25)], 'zh'), 300, 200);
    expect(svg).toMatch(/^<svg [^>]*width="300" height="200"/);
    expect(svg).toContain('周一');
  });
});
