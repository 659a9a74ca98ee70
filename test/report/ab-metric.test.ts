import { describe, expect, it } from 'vitest';
import type { AbArm } from '../../server/contract/insights.ts';
import { abRows, abSentence } from '../../server/report/insight-rows.ts';

// Two arms compared on the short-call rate (the week's headline when most calls lack a hang-up party).
const arm = (script: string, isControl: boolean, events: number, n: number, extra: Partial<AbArm> = {}): AbArm => ({
  script,
  isControl,
  dials: n,
  answered: n,
  knownParty: 5,
  earlyHangups: 1,
  shortCalls: events,
  hangupRate: 0.2,
  hangupRateCiLow: 0.04,
  hangupRateCiHigh: 0.62,
  shortCallRate: events / n,
  shortCallRateCiLow: null,
  shortCallRateCiHigh: null,
  events,
  n,
  rate: events / n,
  ciLow: null,
  ciHigh: null,
  probBest: null,
  ...extra,
});
const arms = [
  arm('A', true, 30, 100),
  arm('B', false, 10, 100, {
    diff: -0.2,
    diffCiLow: -0.306,
    diffCiHigh: -0.09,
    pValueAdjusted: 0.0004,
    verdict: 'better',
  }),
];

describe('the report A/B table follows the headline metric', () => {
  it('short: the columns and sentence name the short-call rate and its counts', () => {
    const t = abRows(
      {
        status: 'ok',
        value: {
          metric: 'short',
          control: 'A',
          controlRule: 'most_answered',
          correction: 'holm',
          arms,
          srmMismatch: false,
        },
      },
      'en',
    );
    expect(t.columns.slice(1, 4).map((c) => c.header)).toEqual(['Answered', 'Short calls', 'Short-call rate']);
    expect(t.rows[1]!.slice(1, 4)).toEqual([100, 10, 0.1]);
    expect(abSentence(arms[1]!, 'A', 'en', 'short')).toMatch(/crude short-call rate 10\.0% \(10 of 100\)/);
    expect(abSentence(arms[1]!, 'A', 'zh', 'short')).toContain('未调整短通话占比');
  });

  it('hangup: the denominator is named as the known-party calls', () => {
    const t = abRows(
      {
        status: 'ok',
        value: {
          metric: 'hangup',
          control: 'A',
          controlRule: 'most_answered',
          correction: 'holm',
          arms,
          srmMismatch: false,
        },
      },
      'zh',
    );
    expect(t.columns.slice(1, 4).map((c) => c.header)).toEqual(['挂断方已知的接通数', '早挂数', '挂断率']);
  });
});
