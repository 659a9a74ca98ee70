// The overview's KPI cards, /scripts' decision table and /insights' evidence
// are as honest about a thin or differently-defined rate as the tables: each rate is greyed on its
// own denominator (known-party calls for the hang-up rate, answered calls for the short-call and
// conversion rates, dials for the connect and rejection rates) below MIN_SAMPLE = 30, and says why
// in words.
import '../../web/src/lib/messages/analysis.ts';
import '../../web/src/lib/messages/overview.ts';
import { describe, expect, it } from 'vitest';
import { rateByKey } from '../../server/semantic/measures.ts';
import { armTooFew } from '../../web/src/lib/ab.ts';
import type { AbArm, AgentRec, MetricFields } from '../../web/src/lib/api-types.ts';
import { MIN_SAMPLE } from '../../web/src/lib/charts/theme.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { translate, valueLabel, type Lang } from '../../web/src/lib/i18n.ts';
import { agentItems } from '../../web/src/lib/insights.ts';
import { comparable, KPI_RATES, kpiMeasures, thinNote, type KpiRate } from '../../web/src/lib/kpi.ts';
import { cell } from './fixtures.ts';

/** A summary with these counts (the rates' values do not matter to the rule). */
const summary = (c: { dials: number; answered: number; knownParty: number }): MetricFields => ({
  ...cell(0, 0, c.dials, c.answered, 0),
  knownParty: c.knownParty,
  unknownParty: c.answered - c.knownParty,
});
const measure = (key: KpiRate) => kpiMeasures('hangup').find((m) => m.key === key)!;
const note = (lang: Lang, key: KpiRate, s: MetricFields) => {
  const n = thinNote(measure(key), s);
  return n ? translate(lang, n.key, n.vars) : null;
};

describe('KPI cards: each rate greyed on its own denominator', () => {
  it('reads every KPI rate as the semantic layer defines it, the headline first', () => {
    expect(MIN_SAMPLE).toBe(30);
    expect(kpiMeasures('hangup').map((m) => m.key)).toEqual([
      'hangupRate',
      'connectRate',
      'shortCallRate',
      'rejectionRate',
      'conversionRate',
    ]);
    expect(kpiMeasures('short').map((m) => m.key)[0]).toBe('shortCallRate');
    for (const key of KPI_RATES) expect(measure(key).denominator, key).toBe(rateByKey(key).denominator);
    expect(Object.fromEntries(KPI_RATES.map((k) => [k, measure(k).denominator]))).toEqual({
      connectRate: 'dials',
      hangupRate: 'knownParty',
      shortCallRate: 'answered',
      rejectionRate: 'dials',
      conversionRate: 'answered',
    });
  });

  it('10 answered calls of which 5 say who hung up: every rate over answered or known party is thin, with its reason', () => {
    // The brief's case: "Hang-up rate 50.0%, 5 / 10" must not read as firmly as one over 50,000 calls.
    const s = summary({ dials: 40, answered: 10, knownParty: 5 });
    expect(note('en', 'hangupRate', s)).toBe('Who hung up is known for only 5 calls: under 30 is too few to trust.');
    expect(note('zh-CN', 'hangupRate', s)).toBe('仅 5 通电话记录了挂断方：少于 30 通，样本太少，不宜解读。');
    expect(note('en', 'shortCallRate', s)).toBe('Only 10 answered calls: under 30 is too few to trust.');
    expect(note('zh-CN', 'conversionRate', s)).toBe('仅 10 通接通电话：少于 30 通，样本太少，不宜解读。');
    // 40 dials: the connect and rejection rates are readable.
    expect(note('en', 'connectRate', s)).toBeNull();
    expect(note('en', 'rejectionRate', s)).toBeNull();
  });

  it('200 answered calls of which 10 say who hung up: only the hang-up rate is thin (its denominator is known party)', () => {
    const s = summary({ dials: 250, answered: 200, knownParty: 10 });
    expect(KPI_RATES.filter((k) => thinNote(measure(k), s))).toEqual(['hangupRate']);
  });

  it.each([
    ['hangupRate', { dials: 1000, answered: 1000, knownParty: 29 }, { dials: 1000, answered: 1000, knownParty: 30 }],
    ['shortCallRate', { dials: 1000, answered: 29, knownParty: 29 }, { dials: 1000, answered: 30, knownParty: 0 }],
    ['conversionRate', { dials: 1000, answered: 29, knownParty: 29 }, { dials: 1000, answered: 30, knownParty: 0 }],
    ['connectRate', { dials: 29, answered: 29, knownParty: 29 }, { dials: 30, answered: 0, knownParty: 0 }],
    ['rejectionRate', { dials: 29, answered: 29, knownParty: 29 }, { dials: 30, answered: 0, knownParty: 0 }],
  ] as const)('%s: 29 in its denominator is grey, 30 is not', (key, at29, at30) => {
    expect(thinNote(measure(key), summary(at29))).toMatchObject({ vars: { n: 29, min: 30 } });
    expect(measure(key).small(summary(at29))).toBe(true);
    expect(thinNote(measure(key), summary(at30))).toBeNull();
    expect(measure(key).small(summary(at30))).toBe(false);
  });

  it('one call in the singular, none as "no rate" rather than a thin 0', () => {
    expect(note('en', 'hangupRate', summary({ dials: 50, answered: 40, knownParty: 1 }))).toBe(
      'Who hung up is known for only 1 call: under 30 is too few to trust.',
    );
    expect(note('en', 'connectRate', summary({ dials: 1, answered: 1, knownParty: 1 }))).toBe(
      'Only 1 dial: under 30 is too few to trust.',
    );
    const none = summary({ dials: 50, answered: 0, knownParty: 0 });
    expect(note('en', 'hangupRate', none)).toBe('No answered call says who hung up: no rate.');
    expect(note('en', 'shortCallRate', none)).toBe('No answered calls: no rate.');
    expect(note('zh-CN', 'hangupRate', none)).toBe('没有记录挂断方的接通电话：无法计算。');
  });

  it('the change against the previous period: none when the rate is thin now, no arrow when it was thin before', () => {
    const many = summary({ dials: 500, answered: 300, knownParty: 290 });
    const few = summary({ dials: 500, answered: 300, knownParty: 29 });
    expect(comparable(measure('hangupRate'), few, many)).toBe('thinNow');
    expect(comparable(measure('hangupRate'), many, few)).toBe('thinBefore');
    expect(comparable(measure('hangupRate'), many, many)).toBe('yes');
    // The short-call rate of the same periods is over answered calls: comparable.
    expect(comparable(measure('shortCallRate'), few, many)).toBe('yes');
    expect(translate('en', 'kpi.fewBefore', { days: 7 })).toBe('too few calls in the previous 7 days to compare');
  });
});

describe('/scripts and /insights grey a rate on too few calls too', () => {
  it('a line of the decision table: 29 calls in the compared rate’s denominator is grey, 30 is not', () => {
    const arm = (n: number) => ({ script: 'B', n }) as AbArm;
    expect(armTooFew(arm(29), { minAnswered: 30 })).toBe(true);
    expect(armTooFew(arm(30), { minAnswered: 30 })).toBe(false);
    expect(armTooFew(arm(29), undefined)).toBe(true); // an older server: the tables' MIN_SAMPLE
    expect(armTooFew(arm(30), undefined)).toBe(false);
  });

  it('an agent to coach: the raw rate on 29 calls is grey (the shrunk one reads it), on 30 it is not', () => {
    const ctx = (lang: Lang) => ({
      lang,
      t: (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v),
      fmt: createFormat(lang),
      label: (d: string, v: string | number | null) => valueLabel(lang, d, v),
      params: new URLSearchParams(),
    });
    const agent = (n: number): AgentRec => ({
      agent: 'a07',
      answered: n + 5,
      earlyHangups: 20,
      n,
      events: 20,
      rawRate: 20 / n,
      shrunkRate: 0.45,
      shrunkCiLow: 0.38,
      shrunkCiHigh: 0.52,
      probAboveTeam: 0.97,
      teamRate: 0.31,
      link: '/agents',
      explanation: { en: 'Coach a07.', zh: '建议辅导 a07。' },
    });
    const muted = (n: number) =>
      Object.fromEntries(agentItems([agent(n)], ctx('en'))[0]!.evidence.map((e) => [e.label, e.muted === true]));
    expect(muted(29)).toEqual({
      'Shrunk hang-up rate': false,
      'Raw hang-up rate': true,
      'Known party': false,
      Team: false,
      'P(above team)': false,
    });
    expect(muted(30)['Raw hang-up rate']).toBe(false);
  });
});
