import { describe, expect, it } from 'vitest';
import { buildHeatmapOption, buildTrendOption, renderSvg } from '../../server/report/charts.ts';
import type { BreakdownRow, HeatmapCell, ReportData } from '../../server/report/data.ts';

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

describe('charts read the hang-up rate over known-party calls (DESIGN.md), not all answered calls', () => {
  const known = (x: number, y: number, answered: number, knownParty: number, early: number): HeatmapCell => ({
    ...cell(x, y, answered, early),
    knownParty,
    hangupRate: knownParty ? early / knownParty : null,
  });

  it('heatmap: greys a cell with many answered but few known-party calls, leaves one with none blank', () => {
    // 9:00 Mon: 40 known of 100, 10 early = 25% (readable). 10:00 Sun: 20 known of 100, 10 early = 50%,
    // below 30 known: grey. 11:00 Wed: 50 answered, none known: no rate, in neither series.
    const option = buildHeatmapOption(
      [known(9, 1, 100, 40, 10), known(10, 7, 100, 20, 10), known(11, 3, 50, 0, 0)],
      'en',
    ) as {
      series: { data: { value: number[] }[] | number[][] }[];
      visualMap: { min: number; max: number }[];
    };
    expect((option.series[0]!.data as { value: number[] }[]).map((d) => d.value)).toEqual([[0, 0, 25]]);
    expect(option.series[1]!.data).toEqual([[1, 6, 50]]);
    // Centred on the map's overall rate: 20 early of 60 known-party calls (not of 250 answered).
    const { min, max } = option.visualMap[0]!;
    expect((min + max) / 2).toBeCloseTo((20 / 60) * 100, 9);
  });

  it('daily trend: no point for a day with 100 answered calls but 29 known-party ones', () => {
    const days = (from: number) => Array.from({ length: 7 }, (_, i) => `2026-09-${String(from + i).padStart(2, '0')}`);
    const row = (key: string, answered: number, knownParty: number, early: number): BreakdownRow => ({
      key,
      dials: answered,
      answered,
      knownParty,
      earlyHangups: early,
      hangupRate: early / knownParty,
      ciLow: null,
      ciHigh: null,
      hangups: early,
      rejected: 0,
      converted: 0,
      unknownParty: answered - knownParty,
      connectRate: 1,
      rejectionRate: 0,
      conversionRate: 0,
    });
    const d = {
      week: { days: days(14) },
      previousWeek: { days: days(7) },
      daily: [row('2026-09-14', 100, 29, 10), row('2026-09-15', 100, 30, 12)],
    } as unknown as ReportData;
    const option = buildTrendOption(d, 'en') as { series: { data: (number | null)[] }[] };
    expect(option.series[0]!.data).toEqual([null, 40, null, null, null, null, null]);
  });
});
