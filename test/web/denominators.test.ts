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
import { rateColumns } from '../../web/src/lib/columns.ts';
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

describe('tables: each rate beside and greyed on its own denominator (rateColumns)', () => {
  const agent = { ...fewKnown, key: 'a99' };
  const t = (k: MessageKey) => translate('en', k);
  const byKey = (cols: ReturnType<typeof rateColumns<typeof agent>>) => new Map(cols.map((c) => [c.key, c]));

  it('the hang-up rate: 100% over 3 known-party calls is greyed and shown beside "Known party 3", answered kept', () => {
    const cols = rateColumns<typeof agent>(t, MIN_SAMPLE, { rejection: true, shrunk: true });
    const col = byKey(cols);
    expect(col.get('hangupRate')!.value(agent)).toBe(1);
    for (const k of ['hangupRate', 'ciLow', 'ciHigh']) expect(col.get(k)!.muted!(agent), k).toBe(true);
    expect(col.get('knownParty')!.label).toBe('Known party');
    expect(col.get('knownParty')!.value(agent)).toBe(3);
    expect(col.get('answered')!.value(agent)).toBe(40);
    // The count the rate is over sits next to its numerator: "3 of 3", not "3 of 40".
    const keys = cols.map((c) => c.key);
    expect(keys.indexOf('knownParty')).toBe(keys.indexOf('earlyHangups') + 1);
    // The connect and rejection rates rest on 40 dials: readable.
    expect(col.get('connectRate')!.muted!(agent)).toBe(false);
    expect(col.get('rejectionRate')!.muted!(agent)).toBe(false);
    // 3 known of 40 answered, zh-CN: the column keeps the name the UI uses for the count.
    const zh = rateColumns<typeof agent>((k) => translate('zh-CN', k), MIN_SAMPLE);
    expect(zh.find((c) => c.key === 'knownParty')!.label).toBe('挂断方已知');
  });

  it('enough known-party calls: not greyed, whatever the answered count', () => {
    const many = { ...agent, knownParty: 30, earlyHangups: 9, hangupRate: 0.3 };
    const col = byKey(rateColumns<typeof many>(t, MIN_SAMPLE));
    expect(col.get('hangupRate')!.muted!(many)).toBe(false);
  });

  it('the short-call rate (the headline when most calls do not say who hung up) is over the answered calls', () => {
    const cols = rateColumns<typeof agent>(t, MIN_SAMPLE, { metric: 'shortCallRate' });
    const col = byKey(cols);
    expect(cols.map((c) => c.key)).toEqual([
      'shortCallRate',
      'ciLow',
      'ciHigh',
      'shortCalls',
      'answered',
      'dials',
      'connectRate',
    ]);
    expect(col.get('shortCallRate')!.value(agent)).toBe(3 / 40);
    expect(col.get('shortCallRate')!.muted!(agent)).toBe(false);
    const few = { ...agent, answered: 29 };
    expect(col.get('shortCallRate')!.muted!(few)).toBe(true);
  });

  it('the connect and rejection rates are greyed on the dials', () => {
    const few = { ...agent, dials: 29 };
    const col = byKey(rateColumns<typeof few>(t, MIN_SAMPLE, { rejection: true }));
    expect(col.get('connectRate')!.muted!(few)).toBe(true);
    expect(col.get('rejectionRate')!.muted!(few)).toBe(true);
    const connect = rateColumns<typeof few>(t, MIN_SAMPLE, { metric: 'connectRate' });
    expect(connect.map((c) => c.key)).toEqual(['connectRate', 'ciLow', 'ciHigh', 'answered', 'dials']);
    expect(connect[0]!.muted!(few)).toBe(true);
  });
});
