import '../../web/src/lib/messages/analysis.ts';
import { describe, expect, it } from 'vitest';
import type { AgentRec, WindowRec } from '../../web/src/lib/api-types.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { translate, valueLabel, type Lang } from '../../web/src/lib/i18n.ts';
import { insightColumns } from '../../web/src/lib/insight-columns.ts';
import {
  agentItems,
  capItems,
  explain,
  linkWithView,
  topItems,
  windowItems,
  type RecContext,
} from '../../web/src/lib/insights.ts';

const ctx = (lang: Lang, query = ''): RecContext => ({
  lang,
  t: (k, v) => translate(lang, k, v),
  fmt: createFormat(lang),
  label: (d, v) => valueLabel(lang, d, v),
  params: new URLSearchParams(query),
});

// As /api/recommendations answers on the 200k sample: the rate is early hang-ups over the
// calls that say who hung up (n), fewer than the answered calls.
const window: WindowRec = {
  kind: 'best',
  segment: 'blue_collar',
  hour: 19,
  answered: 1890,
  earlyHangups: 426,
  n: 1839,
  events: 426,
  hangupRate: 0.23165,
  ciLow: 0.21294,
  ciHigh: 0.25148,
  segmentRate: 0.29796,
  pValue: 9.4e-11,
  pValueAdjusted: 1.14e-9,
  link: '/when?segment=blue_collar',
  explanation: {
    en: 'Call blue_collar at 19:00-20:00: hang-up rate 23.2% (95% CI 21.3%-25.1%) vs 29.8% for the segment overall.',
    zh: 'blue_collar 客群在 19:00-20:00 拨打：挂断率 23.2%（95% 区间 21.3%-25.1%），低于该客群平均 29.8%。',
  },
};
const worst = {
  ...window,
  kind: 'worst' as const,
  explanation: {
    en: 'Avoid calling blue_collar at 10:00-11:00.',
    zh: '避免在 10:00-11:00 拨打 blue_collar 客群：挂断率高。',
  },
};
const agent: AgentRec = {
  agent: 'a07',
  answered: 2289,
  earlyHangups: 1104,
  n: 2244,
  events: 1104,
  rawRate: 1104 / 2244,
  shrunkRate: 0.4753,
  shrunkCiLow: 0.4553,
  shrunkCiHigh: 0.4954,
  probAboveTeam: 1,
  teamRate: 0.3153,
  link: '/agents',
  explanation: { en: 'Coach a07.', zh: '建议辅导 a07。' },
};

describe('links behind recommendations', () => {
  it('keep the view’s filters and language; the link’s own parameters win; page toggles are dropped', () => {
    expect(
      linkWithView(
        '/when?segment=white_collar',
        new URLSearchParams('lang=en&segment=retired&campaign=car_renewal&table=x'),
      ),
    ).toBe('/when?lang=en&campaign=car_renewal&segment=white_collar');
    expect(linkWithView('/agents', new URLSearchParams('lang=zh-CN&from=2026-10-01'))).toBe(
      '/agents?lang=zh-CN&from=2026-10-01',
    );
    expect(linkWithView('/frequency', new URLSearchParams())).toBe('/frequency');
  });
});

describe('explanations', () => {
  it('in the page’s language, with stored values replaced by their labels', () => {
    const values = [{ raw: 'blue_collar', label: '蓝领' }];
    expect(explain(window, 'zh-CN', values)).toBe(
      '蓝领客群在 19:00-20:00 拨打：挂断率 23.2%（95% 区间 21.3%-25.1%），低于该客群平均 29.8%。',
    );
    expect(explain(worst, 'zh-CN', values)).toBe('避免在 10:00-11:00 拨打蓝领客群：挂断率高。');
    expect(explain(window, 'en', [{ raw: 'blue_collar', label: 'Blue-collar' }])).toMatch(
      /^Call Blue-collar at 19:00-20:00: hang-up rate 23.2%/,
    );
    expect(explain(agent, 'en')).toBe('Coach a07.');
  });
});

describe('recommendation items', () => {
  it('windows: grouped by segment label, a badge with the hour, evidence with rate, interval, n and adjusted p', () => {
    const [item] = windowItems([window], ctx('en', 'lang=en'));
    expect(item).toMatchObject({
      id: 'blue_collar-19',
      group: 'Blue-collar',
      badge: { text: 'Call 19:00–20:00', good: true },
      href: '/when?lang=en&segment=blue_collar',
    });
    expect(item!.evidence).toEqual([
      { label: 'Hang-up rate', value: '23.2% (21.3% – 25.1%)' },
      // The count the rate is over, by its name: the calls that say who hung up, not the 1,890 answered.
      { label: 'Known party', value: '1,839' },
      { label: 'Segment average', value: '29.8%' },
      { label: 'Adjusted p', value: '<\u00a00.001' },
    ]);
    expect(windowItems([worst], ctx('zh-CN'))[0]!.badge).toEqual({ text: '避免 19:00–20:00', good: false });
    // The sentence is written from the fields with the shared formats and labels, not the API's raw text.
    expect(windowItems([window], ctx('zh-CN'))[0]!.text).toBe(
      '蓝领客群在 19:00–20:00 拨打：挂断率 23.2%（95% 区间 21.3%–25.1%），低于该客群平均 29.8%。',
    );
  });

  it('agents: shrunk rate with its credible interval next to the raw rate, never a certain 100%', () => {
    const [item] = agentItems([agent], ctx('zh-CN'));
    expect(item!.text).toBe(
      '建议辅导 a07：收缩后挂断率 47.5%（95% 可信区间 45.5%–49.5%），团队为 31.5%；基于 2,244 通挂断方已知的接通电话，高于团队的概率为 >\u00a099.9%。',
    );
    expect(item!.evidence.map((e) => e.value)).toEqual([
      '47.5% (45.5% – 49.5%)',
      '49.2%',
      '2,244',
      '31.5%',
      '>\u00a099.9%',
    ]);
    expect(item!.evidence[2]!.label).toBe('挂断方已知');
  });

  it('top 3 by strength of evidence, kept in list order; windows by segment then hour', () => {
    const w = (segment: string, hour: number, p: number) => ({ ...window, segment, hour, pValueAdjusted: p });
    const items = windowItems(
      [
        w('blue_collar', 20, 0.01),
        w('blue_collar', 9, 0.5),
        w('blue_collar', 11, 0.001),
        w('retired', 10, 0.0001),
        w('retired', 8, 0.2),
      ],
      ctx('en'),
    );
    expect(items.map((i) => i.id)).toEqual([
      'blue_collar-9',
      'blue_collar-11',
      'blue_collar-20',
      'retired-8',
      'retired-10',
    ]);
    expect(topItems(items, 3).map((i) => i.id)).toEqual(['blue_collar-11', 'blue_collar-20', 'retired-10']);
    expect(topItems(items.slice(0, 2), 3)).toHaveLength(2);
    // One segment with the strongest windows: each segment still leads with its own strongest.
    const four = windowItems(
      [
        w('white_collar', 19, 1e-9),
        w('white_collar', 20, 1e-8),
        w('white_collar', 21, 1e-7),
        w('blue_collar', 9, 0.01),
        w('retired', 10, 0.02),
        w('retired', 8, 0.03),
        w('student', 12, 0.04),
      ],
      ctx('en'),
    );
    expect(topItems(four, 3).map((i) => i.id)).toEqual([
      'blue_collar-9',
      'retired-10',
      'student-12',
      'white_collar-19',
    ]);
    // Fewer groups than n: the next strongest fill up to n.
    const oneSegment = four.filter((i) => i.id.startsWith('white_collar'));
    expect(topItems(oneSegment, 2).map((i) => i.id)).toEqual(['white_collar-19', 'white_collar-20']);
  });
});

describe('the count a recommendation’s rate is over, by its name (not "answered" for the hang-up rate)', () => {
  it('agents: "on 2,244 answered calls that say who hung up" (a07: 1,104 of 2,244, 49.2%), not "on 2,289 answered calls"', () => {
    const [en] = agentItems([agent], ctx('en'));
    expect(en!.text).toBe(
      'Coach a07: shrunk hang-up rate 47.5% (95% credible 45.5%–49.5%) vs team 31.5%; chance above the team >\u00a099.9% on 2,244 answered calls that say who hung up.',
    );
    expect(en!.evidence.find((e) => e.value === '2,244')!.label).toBe('Known party');
    expect(en!.text).not.toContain('2,289');
  });

  it('the short-call rate (the headline when most calls do not say who hung up) is over the answered calls', () => {
    const short = { ...agent, n: 2289, events: 1131 };
    const [en] = agentItems([short], { ...ctx('en'), metric: 'short' });
    expect(en!.text).toContain('shrunk short-call rate 47.5%');
    expect(en!.text).toMatch(/on 2,289 answered calls\.$/);
    expect(en!.evidence.find((e) => e.value === '2,289')!.label).toBe('Answered');
    const [zh] = agentItems([short], { ...ctx('zh-CN'), metric: 'short' });
    expect(zh!.text).toContain('收缩后短通话占比 47.5%');
    expect(zh!.text).toContain('基于 2,289 通接通电话');
    // The evidence labels name the rate shown, not 挂断率; the CSV's columns too.
    expect(zh!.evidence.slice(0, 2).map((e) => e.label)).toEqual(['收缩后短通话占比', '原始短通话占比']);
    expect(
      agentItems([agent], ctx('zh-CN'))[0]!
        .evidence.slice(0, 2)
        .map((e) => e.label),
    ).toEqual(['收缩后挂断率', '原始挂断率']);
    expect(en!.evidence.slice(0, 2).map((e) => e.label)).toEqual(['Shrunk short-call rate', 'Raw short-call rate']);
    const zhCols = (m?: 'short') =>
      insightColumns
        .agents((k, v) => translate('zh-CN', k, v), 'zh-CN', m)
        .filter((c) => c.key === 'rawRate' || c.key === 'shrunkRate')
        .map((c) => c.label);
    expect(zhCols('short')).toEqual(['原始短通话占比', '收缩后短通话占比']);
    expect(zhCols()).toEqual(['原始挂断率', '收缩后挂断率']);
    const [w] = windowItems([{ ...window, n: 1890 }], { ...ctx('en'), metric: 'short' });
    expect(w!.text).toMatch(/^Call Blue-collar at 19:00–20:00: short-call rate 23\.2%/);
    expect(w!.evidence.slice(0, 2).map((e) => e.label)).toEqual(['Short-call rate', 'Answered']);
  });

  it('frequency cap: the rate at call #n beside its own count', () => {
    const cap = {
      capAt: 4,
      answered: 900,
      earlyHangups: 360,
      n: 880,
      events: 360,
      hangupRate: 360 / 880,
      firstCallRate: 0.3,
      firstCallN: 2000,
      firstCallEvents: 600,
      diff: 0.109,
      diffCiLow: 0.07,
      diffCiHigh: 0.15,
      pValue: 1e-6,
      pValueAdjusted: 1e-5,
      link: '/frequency',
      explanation: { en: '', zh: '' },
    };
    expect(capItems(cap, ctx('en'))[0]!.evidence[0]!.value).toBe('40.9% · Known party 880');
    expect(capItems(cap, ctx('zh-CN'))[0]!.evidence[0]!.value).toBe('40.9% · 挂断方已知 880');
    // The first call's rate carries its own count too: 30% of 2,000 is not 30% of 40.
    expect(capItems(cap, ctx('en'))[0]!.evidence[1]!.value).toBe('30.0% · Known party 2,000');
    expect(capItems(cap, { ...ctx('en'), metric: 'short' })[0]!.evidence[1]!.value).toBe('30.0% · Answered 2,000');
  });
});
