// The weekly report's recommendations state the count each rate is over by its name: the hang-up
// rate over the answered calls that say who hung up (a07: 1,104 of 2,244, not of its 2,289
// answered calls), the short-call rate over the answered calls when that is the headline.
import { describe, expect, it } from 'vitest';
import type { ReportData } from '../../server/report/data.ts';
import { recommendationRows, recommendationText } from '../../server/report/insight-rows.ts';
import type { Recommendations, Section } from '../../server/report/insights.ts';

const agent = {
  agent: 'a07',
  answered: 2289,
  earlyHangups: 1104,
  n: 2244,
  events: 1104,
  rawRate: 1104 / 2244,
  shrunkRate: 0.4849,
  shrunkCiLow: 0.4647,
  shrunkCiHigh: 0.5052,
  probAboveTeam: 1,
  teamRate: 0.3259,
  link: '/agents',
  explanation: { en: '', zh: '' },
};
const recs = (metric: 'hangup' | 'short', n = agent.n): Section<Recommendations> => ({
  status: 'ok',
  value: {
    metric,
    windows: [],
    frequencyCap: null,
    numbersToRest: [],
    agentsToCoach: [{ ...agent, n }],
  } as unknown as Recommendations,
});
const data = {
  recommendationsPeriod: { from: '2026-10-05', to: '2026-11-01' },
  week: { days: ['2026-10-26', '', '', '', '', '', '2026-11-01'] },
} as unknown as ReportData;

const agents = (s: Section<Recommendations>, lang: 'zh' | 'en') =>
  recommendationRows(s, lang, data).find((t) => t.id === 'agentsToCoach')!;

describe('report recommendations: the count the rate is over, by its name', () => {
  it('hang-up rate: the known-party count in its own column and in the sentence, both languages', () => {
    const en = agents(recs('hangup'), 'en');
    const headers = en.columns.map((c) => c.header);
    expect(headers.slice(1, 4)).toEqual(['Answered', 'Early hang-ups', 'Answered, hang-up party known']);
    expect(en.rows[0]!.slice(1, 4)).toEqual([2289, 1104, 2244]);
    expect(en.rows[0]!.at(-1)).toBe(
      'Coach a07: shrunk hang-up rate 48.5% (95% credible 46.5%–50.5%) vs team 32.6%; chance above the team >\u00a099.9% on 2,244 answered calls that say who hung up.',
    );
    const zh = agents(recs('hangup'), 'zh');
    expect(zh.columns[3]!.header).toBe('挂断方已知的接通数');
    expect(zh.rows[0]!.at(-1)).toContain('基于 2,244 通挂断方已知的接通电话');
  });

  it('short-call rate: over the answered calls, named so, no known-party column', () => {
    const en = agents(recs('short', 2289), 'en');
    expect(en.columns.map((c) => c.header)).not.toContain('Answered, hang-up party known');
    expect(en.rows[0]!.at(-1)).toContain('shrunk short-call rate 48.5%');
    expect(en.rows[0]!.at(-1)).toMatch(/on 2,289 answered calls\.$/);
    expect(recommendationText('agentsToCoach', { ...agent, n: 2289 }, 'zh', 'short')).toContain(
      '基于 2,289 通接通电话',
    );
  });
});
