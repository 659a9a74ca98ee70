// Every rate is read, greyed and labelled on its own denominator (README, Metrics): known-party
// calls for the hang-up rate, answered calls for the short-call rate, dials for the connect rate.
// The reviewer's case: an agent with 40 answered calls of which only 3 say who hung up (all the
// callee, all early) has a hang-up rate of 3 / 3 = 100% on a sample of 3, not 3 of 40.
import { describe, expect, it } from 'vitest';
import { rateByKey } from '../../server/semantic/measures.ts';
import { abWords } from '../../web/src/lib/ab.ts';
import { heatmapText } from '../../web/src/lib/charts/heat-columns.ts';
import { buildHeatmapOption } from '../../web/src/lib/charts/heatmap.ts';
import { MEASURES, METRIC_TEXT, RATE_METRICS } from '../../web/src/lib/charts/measures.ts';
import { MIN_SAMPLE } from '../../web/src/lib/charts/theme.ts';
import { translate, type MessageKey } from '../../web/src/lib/i18n.ts';
import { en } from '../../web/src/lib/messages/en.ts';
import { zhCN } from '../../web/src/lib/messages/zh-CN.ts';
import '../../web/src/lib/messages/analysis.ts';
import { cell, int, pct } from './fixtures.ts';

/** 40 answered calls (40 dials), 3 of them with a known hang-up party, all 3 early callee hang-ups. */
const fewKnown = { ...cell(10, 1, 40, 40, 3), knownParty: 3, unknownParty: 37, hangupRate: 1, shortCallRate: 3 / 40 };

describe('the words of each rate name its own denominator', () => {
  it.each(RATE_METRICS)('%s: denominator and small-sample unit from the semantic layer', (metric) => {
    const den = rateByKey(metric).denominator;
    expect(METRIC_TEXT[metric].den).toBe(`metric.${den}`);
    expect(METRIC_TEXT[metric].unit).toBe(`sample.${den}`);
    for (const texts of [en, zhCN] as Record<string, string>[]) {
      expect(texts[METRIC_TEXT[metric].den], METRIC_TEXT[metric].den).toBeTruthy();
      expect(texts[METRIC_TEXT[metric].unit], METRIC_TEXT[metric].unit).toBeTruthy();
    }
  });

  it('the hang-up rate: "Known party" beside it, and the grey legend names the count the cells are greyed on', () => {
    expect(METRIC_TEXT.hangupRate.den).toBe('metric.knownParty');
    // What SmallSampleNote shows under /when, /segments, /agents and /scripts.
    const note = (lang: 'en' | 'zh-CN', metric: keyof typeof METRIC_TEXT) =>
      translate(lang, 'sample.note', { n: MIN_SAMPLE, unit: translate(lang, METRIC_TEXT[metric].unit) });
    expect(note('en', 'hangupRate')).toBe('Grey = fewer than 30 answered calls that say who hung up: too few to read.');
    expect(note('zh-CN', 'hangupRate')).toBe('灰色 = 挂断方已知的接通数少于 30：样本太少，不宜解读。');
    expect(note('en', 'shortCallRate')).toBe('Grey = fewer than 30 answered calls: too few to read.');
    expect(note('en', 'connectRate')).toBe('Grey = fewer than 30 dials: too few to read.');
    // The cell above is greyed on the /when map (3 known-party calls) though it has 40 answered.
    const option = buildHeatmapOption([fewKnown], {
      metric: 'hangupRate',
      xs: [10],
      ys: [1],
      xLabel: String,
      yLabel: String,
      range: [0.2, 0.4],
      pct,
      int,
      text: heatmapText('hangupRate', (k: MessageKey) => translate('en', k)),
    }) as { series: { data: unknown[] }[]; tooltip: { formatter: (p: unknown) => string } };
    expect(option.series[0]!.data).toEqual([]);
    expect(option.series[1]!.data).toHaveLength(1);
    expect(MEASURES.hangupRate.den(fewKnown)).toBe(3);
    // Its tooltip reads "3 / Known party 3", not "3 / Answered 40".
    expect(option.tooltip.formatter({ data: option.series[1]!.data[0] })).toContain('Early hang-ups 3 / Known party 3');
  });

  it('/scripts names the compared rate’s denominator: known party for the hang-up rate, answered for the short-call rate', () => {
    expect(translate('en', abWords('hangup').den)).toBe('Known party');
    expect(translate('zh-CN', abWords('hangup').den)).toBe('挂断方已知');
    expect(translate('en', abWords('short').den)).toBe('Answered');
    expect(translate('en', 'verdict.tooFewNote', { n: 30, unit: translate('en', abWords('hangup').unit) })).toBe(
      'Fewer than 30 answered calls that say who hung up in this line or the control.',
    );
    expect(translate('zh-CN', 'verdict.tooFewNote', { n: 30, unit: translate('zh-CN', abWords('short').unit) })).toBe(
      '该开场白或对照组的接通数少于 30。',
    );
  });
});
