import { init } from 'echarts/core';
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { buildGroupedRatesOption, buildShareBarsOption, FADED, wordPerLine } from '../../web/src/lib/charts/bars.ts';
import '../../web/src/lib/charts/echarts-setup.ts';
import { buildRateLinesOption } from '../../web/src/lib/charts/lines.ts';
import { int, pct } from './fixtures.ts';

/** Renders an option the way the server does for reports: catches options ECharts rejects. */
function renderSvg(option: EChartsOption): string {
  const chart = init(null as never, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

type Point = { x: string; rate: number; low: number; high: number; n: number };
/** One rate line of these points. */
const lineOf = (points: Point[]) => ({ name: 'Hang-up rate', color: '#0072B2', points });

describe('buildRateLinesOption', () => {
  const line = lineOf([
    { x: '2026-09-07', rate: 0.3, low: 0.25, high: 0.35, n: 400 },
    { x: '2026-09-08', rate: 0.5, low: 0.2, high: 0.8, n: 10 },
  ]);
  const opts = {
    xLabel: (x: string | number) => `d${x}`,
    pct,
    int,
    text: { interval: '95%', n: 'n', smallSample: 'small sample' },
  };
  const option = buildRateLinesOption([line], opts) as any;

  it('draws the 95% band as an invisible lower bound plus the stacked interval width', () => {
    const [low, band, rate] = option.series;
    expect(low.stack).toBe(band.stack);
    expect(low.lineStyle.opacity).toBe(0);
    expect(low.data).toEqual([0.25, 0.2]);
    expect(band.data[0]).toBeCloseTo(0.1);
    expect(band.data[1]).toBeCloseTo(0.6);
    expect(band.areaStyle.color).toBe('#0072B2');
    expect(rate.data.map((d: any) => d.value)).toEqual([0.3, null]);
  });

  it('draws points on too few calls hollow, joined by a thin dashed line, and says so in the tooltip', () => {
    const [, , rate, thin] = option.series;
    // The solid line holds readable points only; the dashed one the small point and its neighbour.
    expect(rate.data).toEqual([{ value: 0.3 }, { value: null }]);
    expect(thin.name).toBe(rate.name);
    expect(thin.lineStyle.type).toBe('dashed');
    expect(thin.data[0]).toEqual({ value: 0.3, symbol: 'none' });
    expect(thin.data[1].value).toBe(0.5);
    expect(thin.data[1].itemStyle.color).toBe('#ffffff');
    const far = buildRateLinesOption(
      [
        lineOf([
          ...line.points,
          { x: '2026-09-09', rate: 0.31, low: 0.27, high: 0.35, n: 500 },
          { x: '2026-09-10', rate: 0.32, low: 0.28, high: 0.36, n: 500 },
        ]),
      ],
      opts,
    ) as any;
    expect(far.series[2].data.map((d: any) => d.value)).toEqual([0.3, null, 0.31, 0.32]);
    expect(far.series[3].data.map((d: any) => d.value)).toEqual([0.3, 0.5, 0.31, null]);
    const tip = option.tooltip.formatter([{ dataIndex: 1 }]);
    expect(tip).toContain('d2026-09-08');
    expect(tip).toContain('<b>50.0%</b>');
    expect(tip).toContain('20.0% – 80.0%');
    expect(tip).toContain('small sample');
  });

  it('starts the rate axis at zero and adds a legend only for several lines', () => {
    expect(option.yAxis.min).toBe(0);
    expect(option.legend).toBeUndefined();
    const two = buildRateLinesOption([line, { ...line, name: 'Connect rate' }], opts) as any;
    expect(two.legend.data).toEqual(['Hang-up rate', 'Connect rate']);
    expect(two.series).toHaveLength(8);
  });

  it('renders in ECharts', () => {
    expect(renderSvg(option)).toContain('d2026-09-07');
  });
});

describe('buildShareBarsOption', () => {
  const rows = [
    { label: 'Busy', count: 10 },
    { label: 'Answered', count: 60 },
    { label: 'No answer', count: 30 },
  ];
  const option = buildShareBarsOption(rows, { pct, int, text: { count: 'Dials', share: 'Share' } }) as any;

  it('shows each category as a share of the total, largest first', () => {
    expect(option.yAxis.data).toEqual(['Answered', 'No answer', 'Busy']);
    expect(option.series[0].data).toEqual([0.6, 0.3, 0.1]);
    expect(option.tooltip.formatter({ dataIndex: 2 })).toContain('Dials: 10');
  });

  it('renders in ECharts, labels included', () => {
    const svg = renderSvg(option);
    expect(svg).toContain('Answered');
    expect(svg).toContain('60.0%');
  });

  it('copes with nothing to split', () => {
    expect((buildShareBarsOption([], { pct, int, text: { count: 'c', share: 's' } }) as any).series[0].data).toEqual(
      [],
    );
  });
});

describe('buildGroupedRatesOption', () => {
  it('puts one bar series per rate over the categories', () => {
    const o = buildGroupedRatesOption(
      ['Verified', 'Spam'],
      [
        { name: 'Connect', values: [0.6, 0.3] },
        { name: 'Hang-up', values: [0.25, null] },
      ],
      { pct },
    ) as any;
    expect(o.xAxis.data).toEqual(['Verified', 'Spam']);
    expect(o.series.map((s: any) => s.name)).toEqual(['Connect', 'Hang-up']);
    expect(o.series[0].itemStyle.color).not.toBe(o.series[1].itemStyle.color);
    expect(renderSvg(o)).toContain('Verified');
  });

  it('fades a bar whose rate rests on fewer than 30 calls in its denominator, each bar on its own', () => {
    const o = buildGroupedRatesOption(
      ['(none)', 'Verified'],
      [
        { name: 'Connect', values: [0.67, 0.6], n: [3, 5000] },
        // 29 answered calls with a known party: the hang-up bar fades though its group has 5000 dials.
        { name: 'Hang-up', values: [0.5, 0.3], n: [2, 29] },
        { name: 'Rejection', values: [0.1, 0.05] },
      ],
      { pct },
    ) as any;
    expect(o.series[0].data).toEqual([{ value: 0.67, itemStyle: { opacity: FADED } }, 0.6]);
    expect(o.series[1].data).toEqual([
      { value: 0.5, itemStyle: { opacity: FADED } },
      { value: 0.3, itemStyle: { opacity: FADED } },
    ]);
    expect(o.series[2].data).toEqual([0.1, 0.05]);
    const lower = buildGroupedRatesOption(['A'], [{ name: 'Connect', values: [0.5], n: [29] }], { pct, minSample: 20 });
    expect((lower as any).series[0].data).toEqual([0.5]);
    expect(renderSvg(o)).toContain('Verified');
  });

  it('labels each category a word per line, so five groups fit a phone', () => {
    expect(wordPerLine('Marked as sales')).toBe('Marked\nas\nsales');
    expect(wordPerLine(' (none) ')).toBe('(none)');
    // Chinese has no spaces: "被标为营销被标为骚扰" ran together at 390 px; lines of at most 4 characters.
    expect(wordPerLine('被标为营销')).toBe('被标为\n营销');
    expect(wordPerLine('已认证')).toBe('已认证');
    expect(wordPerLine('未标记号码')).toBe('未标记\n号码');
    expect(wordPerLine('被标记为骚扰电话')).toBe('被标记为\n骚扰电话');
    expect(wordPerLine('（空）')).toBe('（空）');
    const o = buildGroupedRatesOption(['Marked as sales'], [{ name: 'Connect', values: [0.3] }], { pct }) as any;
    expect(o.xAxis.axisLabel.formatter('Marked as spam')).toBe('Marked\nas\nspam');
    expect(o.xAxis.axisLabel.width).toBeUndefined();
  });
});

describe('dates on a rate line', () => {
  it('every day from first to last, so a gap is a gap; years flagged when the view spans them', async () => {
    const { dayAxis } = await import('../../web/src/lib/charts/lines.ts');
    expect(dayAxis(['2026-03-02', '2026-02-27'])).toEqual({
      days: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'],
      years: false,
    });
    const span = dayAxis(['2024-12-30', '2025-01-02']);
    expect(span.years).toBe(true);
    expect(span.days).toHaveLength(4);
    expect(dayAxis([])).toEqual({ days: [], years: false });
  });

  it('the rate axis ends above the readable points, not at a thin day’s 100%', async () => {
    const { rateAxisMax } = await import('../../web/src/lib/charts/lines.ts');
    const line = lineOf([
      { x: 'a', rate: 0.3, low: 0.28, high: 0.33, n: 500 },
      { x: 'b', rate: 1, low: 0.2, high: 1, n: 2 },
    ]);
    expect(rateAxisMax([line], 30)).toBe(0.4);
  });
});
