import { describe, expect, it } from 'vitest';
import { buildKpis, headlineOf, type SummaryRow } from '../../server/report/data.ts';

const base = {
  dials: 1000,
  answered: 400,
  hangups: 100,
  earlyHangups: 40,
  rejected: 50,
  converted: 10,
  machineAnswered: 0,
  unknownParty: 0,
  firstDate: null,
  lastDate: null,
  connectRate: 0.4,
  connectRateCiLow: 0.37,
  connectRateCiHigh: 0.43,
  hangupRate: 0.1,
  ciLow: 0.07,
  ciHigh: 0.13,
  rejectionRate: 0.05,
  rejectionRateCiLow: 0.04,
  rejectionRateCiHigh: 0.06,
  conversionRate: 0.025,
  conversionRateCiLow: 0.01,
  conversionRateCiHigh: 0.04,
  unknownPartyShare: 0,
} satisfies SummaryRow;

describe('headline metric in the report', () => {
  it('the hang-up rate while the summary has no known-party fields (before issue 9 lands)', () => {
    expect(headlineOf(base)).toBe('hangup');
    expect(buildKpis(base, base).map((k) => k.key)).toEqual([
      'dials',
      'connectRate',
      'hangupRate',
      'rejectionRate',
      'conversionRate',
    ]);
  });

  it('the short-call rate when fewer than half of the answered calls say who hung up; the hang-up rate over known party', () => {
    const few = {
      ...base,
      knownParty: 20,
      earlyHangups: 5,
      hangupRate: 0.25,
      shortCalls: 120,
      shortCallRate: 0.3,
      shortCallRateCiLow: 0.26,
      shortCallRateCiHigh: 0.35,
    };
    expect(headlineOf(few)).toBe('short');
    expect(headlineOf({ ...few, knownParty: 200 })).toBe('hangup');
    expect(headlineOf({ ...few, headline: 'hangup' })).toBe('hangup'); // the server's word wins
    const kpis = buildKpis(few, few);
    expect(kpis.map((k) => k.key)).toContain('shortCallRate');
    expect(kpis.find((k) => k.key === 'hangupRate')!.current.denominator).toBe(20);
    expect(kpis.find((k) => k.key === 'shortCallRate')!.current).toMatchObject({
      value: 0.3,
      numerator: 120,
      denominator: 400,
    });
  });
});
