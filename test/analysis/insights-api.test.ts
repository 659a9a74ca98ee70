import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSample } from '../../server/store.ts';
import { appFor, csv, getJson, ingestText, tempStore } from '../helpers/temp-store.ts';

describe('statistics routes on generated data where the truth is planted', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    store = await tempStore();
    await loadSample(store, { calls: 120_000, seed: 11 });
    app = appFor(store);
  });
  afterAll(() => store.cleanup());

  it('A/B: B beats A; the confounded C looks worse crude, better adjusted, with a Simpson warning', async () => {
    const { status, body } = await getJson(app, '/api/ab?control=A&adjust=hour,segment');
    expect(status).toBe(200);
    const arm = (s: string) => body.arms.find((a: any) => a.script === s);
    expect(arm('B').diffCiHigh).toBeLessThan(0);
    expect(arm('B').chanceToBeatControl).toBeGreaterThan(0.99);
    expect(arm('B').pValueAdjusted).toBeLessThan(0.001);
    expect(arm('C').diff).toBeGreaterThan(0);
    expect(arm('C').orCiHigh).toBeLessThan(1);
    expect(arm('C').simpsonWarning).toBe(true);
    expect(arm('D').simpsonWarning).toBe(false);
    expect(arm('D').diffCiLow).toBeLessThan(0);
    expect(arm('D').diffCiHigh).toBeGreaterThan(0);
    const probBest = body.arms.reduce((s: number, a: any) => s + a.probBest, 0);
    expect(probBest).toBeCloseTo(1, 6);
    // the arms' answered counts add up to the answered calls with a script
    const summary = (await getJson(app, '/api/summary')).body;
    expect(body.arms.reduce((s: number, a: any) => s + a.answered, 0)).toBe(summary.answered);
  });

  it('A/B sequential mode states its method and tuning parameter', async () => {
    const { body } = await getJson(app, '/api/ab?control=A&sequential=1');
    const b = body.arms.find((a: any) => a.script === 'B');
    expect(b.sequential).toMatchObject({ tau2: 0.001, alpha: 0.05, significant: true });
    expect(body.sequentialMethod).toMatch(/mSPRT/);
  });

  it('survival: a curve per script, S(t) non-increasing, log-rank across scripts', async () => {
    const { body } = await getJson(app, '/api/survival?by=script');
    expect(body.groups.map((g: any) => g.key)).toEqual(['A', 'B', 'C', 'D']);
    for (const g of body.groups) {
      const s = g.points.map((p: any) => p.survival);
      expect(s.every((v: number, i: number) => i === 0 || v <= s[i - 1])).toBe(true);
      expect(g.at.s10).toBeGreaterThan(0);
    }
    const b = body.groups.find((g: any) => g.key === 'B');
    const a = body.groups.find((g: any) => g.key === 'A');
    expect(b.at.s10).toBeGreaterThan(a.at.s10);
    expect(body.logRank.df).toBe(3);
    expect(body.logRank.pValue).toBeLessThan(0.001);
  });

  it('survival points carry the Greenwood standard error, inside the log-log band', async () => {
    const { body } = await getJson(app, '/api/survival?by=script');
    for (const g of body.groups) {
      for (const p of g.points.filter((x: any) => x.survival > 0)) {
        expect(p.standardError).toBeGreaterThan(0);
        // a 95% band spans about 2 x 1.96 standard errors; log-log is asymmetric, so loosely
        expect((p.ciHigh - p.ciLow) / (2 * 1.96 * p.standardError)).toBeGreaterThan(0.8);
        expect((p.ciHigh - p.ciLow) / (2 * 1.96 * p.standardError)).toBeLessThan(1.25);
      }
    }
  });

  it('recommendations: planted bad agents flagged, the 5-call agent not; white-collar evening recommended', async () => {
    const { body } = await getJson(app, '/api/recommendations');
    expect(body.agentsToCoach.map((a: any) => a.agent).sort()).toEqual(['a07', 'a19', 'a33']);
    const best = body.windows
      .filter((w: any) => w.kind === 'best' && w.segment === 'white_collar')
      .map((w: any) => w.hour);
    expect(best).toEqual(expect.arrayContaining([19, 20]));
    const worst = body.windows
      .filter((w: any) => w.kind === 'worst' && w.segment === 'white_collar')
      .map((w: any) => w.hour);
    expect(worst).toEqual(expect.arrayContaining([10]));
    expect(body.frequencyCap.capAt).toBeGreaterThanOrEqual(2);
    // The first call's rate and its size are those of the nth_call_30d = 1 row of the breakdown.
    const first = (await getJson(app, '/api/breakdown?by=nth_call_30d')).body.rows.find(
      (r: any) => Number(r.key) === 1,
    );
    expect(body.frequencyCap.firstCallN).toBe(first.knownParty);
    expect(body.frequencyCap.firstCallEvents / body.frequencyCap.firstCallN).toBeCloseTo(first.hangupRate, 12);
    expect(body.frequencyCap.firstCallRate).toBeCloseTo(first.hangupRate, 12);
    expect(body.numbersToRest.map((n: any) => n.callerNumber)).toContain('0215557220');
    for (const r of [...body.windows, ...body.agentsToCoach, ...body.numbersToRest, body.frequencyCap]) {
      expect(r.explanation.en.length).toBeGreaterThan(20);
      expect(r.explanation.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('agent breakdown carries the shrunk rate; the 5-call agent is pulled to the team rate', async () => {
    const rows = (await getJson(app, '/api/breakdown?by=agent')).body.rows;
    const team = (await getJson(app, '/api/summary')).body.hangupRate;
    const newbie = rows.find((r: any) => r.key === 'a41');
    expect(Math.abs(newbie.shrunkRate - team)).toBeLessThan(Math.abs((newbie.hangupRate ?? team) - team) + 1e-9);
    expect(Math.abs(newbie.shrunkRate - team)).toBeLessThan(0.03);
  });

  it('bad parameters are 400s', async () => {
    expect((await getJson(app, '/api/ab?adjust=weather')).status).toBe(400);
    expect((await getJson(app, '/api/survival?by=phone')).status).toBe(400);
    expect((await getJson(app, '/api/ab?sequential=yes')).status).toBe(400);
  });
});

describe('statistics routes on edge cases', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  afterAll(() => store.cleanup());
  it('empty store, one arm, zero events: answers without crashing or inventing numbers', async () => {
    store = await tempStore();
    const app = appFor(store);
    expect((await getJson(app, '/api/ab')).body.arms).toEqual([]);
    expect((await getJson(app, '/api/recommendations')).body).toMatchObject({
      windows: [],
      frequencyCap: null,
      numbersToRest: [],
      agentsToCoach: [],
    });
    await ingestText(
      store,
      'one.csv',
      csv(
        [1, 2, 3].map((i) => ({
          call_id: `o${i}`,
          started_at: '2026-09-07T10:00:00+08:00',
          disposition: 'answered',
          talk_seconds: 40,
          hangup_by: 'agent',
          script_id: 'A',
        })),
      ),
    );
    const ab = (await getJson(app, '/api/ab?adjust=hour')).body;
    expect(ab.arms).toHaveLength(1);
    expect(ab.arms[0]).toMatchObject({ script: 'A', answered: 3, earlyHangups: 0, hangupRate: 0 });
    expect(ab.chiSquare.statistic).toBeNull();
    const surv = (await getJson(app, '/api/survival')).body;
    expect(surv.groups[0]).toMatchObject({ key: 'A', n: 3, events: 0, median: null });
    // Calls without a script are no curve (as they are no A/B arm): the one arm stays alone, and
    // the log-rank test has nothing to compare.
    await ingestText(
      store,
      'no-script.csv',
      csv(
        [1, 2].map((i) => ({
          call_id: `n${i}`,
          started_at: '2026-09-07T11:00:00+08:00',
          disposition: 'answered',
          talk_seconds: 2,
          hangup_by: 'callee',
        })),
      ),
    );
    const alone = (await getJson(app, '/api/survival?by=script')).body;
    expect(alone.groups.map((g: { key: string }) => g.key)).toEqual(['A']);
    expect(alone.logRank.df).toBe(0);
    expect((await getJson(app, '/api/ab')).body.arms).toHaveLength(1);
  });
});
