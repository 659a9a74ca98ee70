import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSample } from '../../server/store.ts';
import { sampleLines } from '../../sample-data/generate.ts';
import { appFor, getJson, tempStore } from '../helpers/temp-store.ts';

const row = (rows: any[], key: unknown) => rows.find((r) => r.key === key);

describe('the sample generator: deterministic, and its planted effects show through the API', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    store = await tempStore();
    const r = await loadSample(store, { calls: 80_000, seed: 7 });
    expect(r).toMatchObject({ status: 'loaded', inserted: 80_000, rejected: 0 });
    app = appFor(store);
  });
  afterAll(() => store.cleanup());

  it('is deterministic for a seed and differs across seeds', () => {
    const take = (seed: number) => [...sampleLines({ calls: 50, seed })];
    expect(take(3)).toEqual(take(3));
    expect(take(3)).not.toEqual(take(4));
  });

  it('white-collar callees hang up more at 9-11 than at 19-21', async () => {
    const rows = (await getJson(app, '/api/breakdown?by=hour&segment=white_collar')).body.rows;
    const pooled = (hours: number[]) => {
      const rs = rows.filter((r: any) => hours.includes(r.key));
      return (
        rs.reduce((s: number, r: any) => s + r.earlyHangups, 0) / rs.reduce((s: number, r: any) => s + r.answered, 0)
      );
    };
    const morning = pooled([9, 10, 11]);
    const evening = pooled([19, 20, 21]);
    expect(morning - evening).toBeGreaterThan(0.15);
  });

  it('spam-flagged numbers are answered less and rejected more than verified ones', async () => {
    const rows = (await getJson(app, '/api/breakdown?by=number_tag')).body.rows;
    const spam = row(rows, 'marked_spam');
    const verified = row(rows, 'verified');
    expect(spam.connectRate).toBeLessThan(verified.connectRate - 0.2);
    expect(spam.rejectionRate).toBeGreaterThan(verified.rejectionRate + 0.1);
    expect(spam.ciLow).toBeGreaterThan(verified.ciHigh);
  });

  it('more calls in 30 days -> more hang-ups', async () => {
    const rows = (await getJson(app, '/api/breakdown?by=nth_call_30d')).body.rows;
    expect(row(rows, 1).hangupRate).toBeLessThan(row(rows, 2).hangupRate);
    expect(row(rows, 2).hangupRate).toBeLessThan(row(rows, 4).hangupRate);
  });

  it('script B is better than A; C looks worse than A crude (it is dialled at bad hours)', async () => {
    const rows = (await getJson(app, '/api/breakdown?by=script')).body.rows;
    expect(row(rows, 'B').ciHigh).toBeLessThan(row(rows, 'A').ciLow);
    expect(row(rows, 'C').hangupRate).toBeGreaterThan(row(rows, 'A').hangupRate);
  });

  it('the planted bad agents are worse and the new hire has 5 calls', async () => {
    const rows = (await getJson(app, '/api/breakdown?by=agent')).body.rows;
    const team = (await getJson(app, '/api/summary')).body.hangupRate;
    for (const a of ['a07', 'a19', 'a33']) expect(row(rows, a).hangupRate).toBeGreaterThan(team + 0.08);
    expect(row(rows, 'a41').dials).toBe(5);
  });

  it('younger callees hang up more than older ones', async () => {
    const rows = (await getJson(app, '/api/breakdown?by=age_band')).body.rows;
    expect(row(rows, '18-24').hangupRate).toBeGreaterThan(row(rows, '65+').hangupRate + 0.05);
  });
});
