// /api/ab on the rates of issue 9: the hang-up rate over the known-party calls, the short-call
// rate over the answered calls, and the view's headline as the default. Every expected number is
// worked out by hand below from the planted counts (Wilson, Newcombe, pooled z, sample size).
import { describe, expect, it } from 'vitest';
import { getJson } from '../helpers/temp-store.ts';
import { storeWithCalls } from '../queries/fixture-store.ts';

type Call = { talk: number; by: 'callee' | 'agent' | '' };
let seq = 0;
/** `count` answered calls of one script, all on one Monday at 10:00 (one stratum for every adjustment). */
const calls = (script: string, count: number, c: Call) =>
  Array.from({ length: count }, () => ({
    call_id: `c${++seq}`,
    started_at: '2026-09-07T10:00:00+08:00',
    disposition: 'answered',
    talk_seconds: c.talk,
    hangup_by: c.by,
    script_id: script,
  }));

describe('/api/ab: the hang-up rate is over the known-party calls', () => {
  // A: 100 answered, 80 with a known party: 20 callee hang-ups at 5 s, 60 agent at 40 s; 20 unknown at 40 s.
  // B: 100 answered, 50 with a known party: 5 callee hang-ups at 5 s, 45 agent at 40 s; 50 unknown at 40 s.
  // Known party 130 / 200 = 65% >= 50%: the headline is the hang-up rate.
  const fx = storeWithCalls(
    [
      ...calls('A', 20, { talk: 5, by: 'callee' }),
      ...calls('A', 60, { talk: 40, by: 'agent' }),
      ...calls('A', 20, { talk: 40, by: '' }),
      ...calls('B', 5, { talk: 5, by: 'callee' }),
      ...calls('B', 45, { talk: 40, by: 'agent' }),
      ...calls('B', 50, { talk: 40, by: '' }),
    ],
    'known.csv',
  );

  it('defaults to the headline (hang-up) and divides by the known party, not the answered calls', async () => {
    expect((await getJson(fx.app, '/api/summary')).body.headline).toBe('hangup');
    const { status, body } = await getJson(fx.app, '/api/ab?control=A');
    expect(status).toBe(200);
    expect(body.metric).toBe('hangup');
    const [a, b] = body.arms;
    // A: 20 / 80 = 0.25 (over answered it would read 0.20); Wilson 0.1681-0.3548.
    expect(a).toMatchObject({
      script: 'A',
      answered: 100,
      knownParty: 80,
      earlyHangups: 20,
      events: 20,
      n: 80,
      hangupRate: 0.25,
      rate: 0.25,
      shortCallRate: 0.2,
    });
    expect(a.ciLow).toBeCloseTo(0.16806, 4);
    expect(a.ciHigh).toBeCloseTo(0.35485, 4);
    // B: 5 / 50 = 0.10 (not 0.05); Wilson 0.0435-0.2136.
    expect(b).toMatchObject({
      script: 'B',
      answered: 100,
      knownParty: 50,
      events: 5,
      n: 50,
      hangupRate: 0.1,
      rate: 0.1,
    });
    expect(b.ciLow).toBeCloseTo(0.04348, 4);
    expect(b.ciHigh).toBeCloseTo(0.2136, 4);
    // B - A = -0.15; Newcombe -0.2691 to -0.0099; pooled z: p = 25/130, z = -2.111, p = 0.0348
    // (over answered it would be 5/100 vs 20/100: z = -3.207, p = 0.0013).
    expect(b.diff).toBeCloseTo(-0.15, 10);
    expect(b.diffCiLow).toBeCloseTo(-0.26911, 4);
    expect(b.diffCiHigh).toBeCloseTo(-0.00993, 4);
    expect(b.pValue).toBeCloseTo(0.034756, 5);
    expect(b.verdict).toBe('better');
    // Calls needed to see 0.25 vs 0.10 (alpha 0.05, power 0.8): 99.54 -> 100 per arm.
    expect(b.requiredPerArm).toBe(100);
  });

  it('adjusted on one stratum: the Mantel-Haenszel odds ratio is the crude one over the known party', async () => {
    const b = (await getJson(fx.app, '/api/ab?control=A&adjust=hour')).body.arms[1];
    // (5 x 60) / (45 x 20) = 1/3; over answered it would be (5 x 80) / (95 x 20) = 0.2105.
    expect(b.oddsRatio).toBeCloseTo(1 / 3, 6);
    expect(b.verdictFrom).toMatchObject({ analysis: 'adjusted', measure: 'odds_ratio' });
  });

  it('metric=short compares short calls over answered: A 20/100, B 5/100', async () => {
    const { body } = await getJson(fx.app, '/api/ab?control=A&metric=short&sequential=1');
    expect(body.metric).toBe('short');
    expect(body.outcome).toMatch(/short call/);
    const [a, b] = body.arms;
    expect(a).toMatchObject({ events: 20, n: 100, rate: 0.2, hangupRate: 0.25 });
    expect(b).toMatchObject({ events: 5, n: 100, rate: 0.05 });
    // pooled z over answered: z = -3.207, p = 0.00134
    expect(b.pValue).toBeCloseTo(0.0013406, 6);
    expect(b.sequential.looks).toBe(1);
  });

  it('rejects an unknown metric', async () => {
    expect((await getJson(fx.app, '/api/ab?metric=connect')).status).toBe(400);
  });
});

describe('/api/ab when 95% of answered calls do not say who hung up', () => {
  // A: 100 answered: 5 callee hang-ups at 3 s (known), 25 unknown at 4 s, 70 unknown at 60 s -> 30 short calls.
  // B: 100 answered: 5 agent hang-ups at 60 s (known), 10 unknown at 4 s, 85 unknown at 60 s -> 10 short calls.
  // Known party 10 / 200 = 5%: the headline is the short-call rate.
  const fx = storeWithCalls(
    [
      ...calls('A', 5, { talk: 3, by: 'callee' }),
      ...calls('A', 25, { talk: 4, by: '' }),
      ...calls('A', 70, { talk: 60, by: '' }),
      ...calls('B', 5, { talk: 60, by: 'agent' }),
      ...calls('B', 10, { talk: 4, by: '' }),
      ...calls('B', 85, { talk: 60, by: '' }),
    ],
    'unknown.csv',
  );

  it('the headline is short, and every statistic reads the short-call rate', async () => {
    const summary = (await getJson(fx.app, '/api/summary')).body;
    expect(summary.headline).toBe('short');
    const { body } = await getJson(fx.app, '/api/ab?control=A&adjust=hour');
    expect(body.metric).toBe('short');
    const [a, b] = body.arms;
    expect(a).toMatchObject({ knownParty: 5, hangupRate: 1, events: 30, n: 100, rate: 0.3, shortCallRate: 0.3 });
    expect(b).toMatchObject({ knownParty: 5, hangupRate: 0, events: 10, n: 100, rate: 0.1 });
    // Wilson 10/100: 0.0552-0.1744; B - A = -0.20, Newcombe -0.3058 to -0.0900; z = -3.536, p = 0.000407.
    expect(b.ciLow).toBeCloseTo(0.05523, 4);
    expect(b.ciHigh).toBeCloseTo(0.17437, 4);
    expect(b.diff).toBeCloseTo(-0.2, 10);
    expect(b.diffCiLow).toBeCloseTo(-0.30579, 4);
    expect(b.diffCiHigh).toBeCloseTo(-0.09, 4);
    expect(b.pValue).toBeCloseTo(0.00040695, 7);
    // One stratum: OR = (10 x 70) / (90 x 30) = 0.2593; the verdict (adjusted) says better.
    expect(b.oddsRatio).toBeCloseTo(700 / 2700, 6);
    expect(b.verdict).toBe('better');
    expect(b.crudeVerdict).toBe('better');
    // Calls needed for 0.30 vs 0.10: 61.6 -> 62 per arm; decisions on the short-call rate.
    expect(b.requiredPerArm).toBe(62);
    expect(b.chanceToBeatControl).toBeGreaterThan(0.99);
  });

  it('metric=hangup: 5 known-party calls per arm are too few for a verdict', async () => {
    const { body } = await getJson(fx.app, '/api/ab?control=A&metric=hangup');
    expect(body.metric).toBe('hangup');
    const [a, b] = body.arms;
    expect(a).toMatchObject({ events: 5, n: 5, rate: 1 });
    expect(b).toMatchObject({ events: 0, n: 5, rate: 0 });
    expect(b.verdict).toBe('too_few');
  });

  it('/api/survival draws the rate asked for, as /scripts compares it: the headline (short) by default', async () => {
    const curves = async (q: string) =>
      Object.fromEntries(
        (
          (await getJson(fx.app, `/api/survival?by=script${q}`)).body.groups as {
            key: string;
            n: number;
            events: number;
          }[]
        ).map((g) => [g.key, [g.n, g.events]]),
      );
    // Short: every answered call, the event is the call ending (each one ends): 100 / 100 per line.
    expect((await getJson(fx.app, '/api/survival?by=script')).body.metric).toBe('short');
    expect(await curves('')).toEqual({ A: [100, 100], B: [100, 100] });
    expect(await curves('&metric=short')).toEqual({ A: [100, 100], B: [100, 100] });
    // Hang-up: the 5 known-party calls per line; A's 5 are callee hang-ups, B's agent hang-ups (censored).
    expect((await getJson(fx.app, '/api/survival?by=script&metric=hangup')).body.metric).toBe('hangup');
    expect(await curves('&metric=hangup')).toEqual({ A: [5, 5], B: [5, 0] });
    expect((await getJson(fx.app, '/api/survival?metric=connect')).status).toBe(400);
  });
});
