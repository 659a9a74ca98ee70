import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeSampleCsv } from '../../sample-data/generate.ts';
import { exportCanonicalCsv, generateCalls, pickTable } from '../../sample-data/generate-sql.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { appFor, getJson, SETTINGS, tempStore } from '../helpers/temp-store.ts';

type Store = Awaited<ReturnType<typeof tempStore>>;
const ingest = (s: Store, path: string) =>
  ingestFile(s.db, path, {
    dataDir: s.dataDir,
    businessTimezone: SETTINGS.timezone,
    earlySeconds: SETTINGS.earlySeconds,
  });
const gen = (s: Store, calls: number, seed: number) =>
  generateCalls(s.db, {
    calls,
    seed,
    businessTimezone: SETTINGS.timezone,
    earlySeconds: SETTINGS.earlySeconds,
    dataDir: s.dataDir,
    batchCalls: 60_000,
  });

describe('pickTable: the SQL generator picks exactly as generate.ts `pick`', () => {
  const jsPick = (u: number, w: number[]) => {
    const total = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    for (let i = 0; i < w.length; i++) if (u * total < (acc += w[i]!)) return i + 1;
    return w.length;
  };
  const sqlPick = (u: number, t: ReturnType<typeof pickTable>) => {
    const i = t.lut[Math.floor(u * 4096)]!;
    return u >= t.cum[i - 1]! ? t.nxt[i - 1]! : i;
  };
  it.each([
    [[9, 10, 10, 5, 6, 10, 10, 10, 9, 7, 8, 7, 5]],
    [[0, 0, 0, 0.05, 0.45, 0.5]],
    [[0.9, 0.1, 0, 0, 0, 0]],
    [[0.15, 0.15, 0.55, 0.15]],
  ])('weights %j, at bucket edges and between them', (w) => {
    const t = pickTable(w);
    const us = [0, 1 - 1e-12, ...t.cum.slice(0, -1).flatMap((c) => [c, c - 1e-12, c + 1e-12])];
    for (let k = 0; k < 20_000; k++) us.push(k / 20_000 + 1e-7);
    for (const u of us.filter((x) => x >= 0 && x < 1)) expect(sqlPick(u, t), `u=${u}`).toBe(jsPick(u, w));
  });
  it('refuses a share it cannot pick exactly', () => expect(() => pickTable([1, 1e-5])).toThrow(/too small/));
});

describe('the SQL call generator', () => {
  let sql: Store, js: Store, direct: Store, viaCsv: Store;
  beforeAll(async () => {
    [sql, js, direct, viaCsv] = await Promise.all([tempStore(), tempStore(), tempStore(), tempStore()]);
    await gen(sql, 200_000, 42);
    const csv = join(js.dir, 'js.csv');
    await writeSampleCsv(csv, { calls: 200_000, seed: 42 });
    expect((await ingest(js, csv)).inserted).toBe(200_000);
  }, 240_000);
  afterAll(() => [sql, js, direct, viaCsv].forEach((s) => s?.cleanup()));

  it('makes exactly the calls asked for, numbered S000000001…, with the new hire at exactly 5 calls', async () => {
    const { body } = await getJson(appFor(sql), '/api/health');
    expect(body.calls).toBe(200_000);
    const [ids] = await sql.db.query<{ lo: string; hi: string; a41: number }>(
      "SELECT min(call_id) AS lo, max(call_id) AS hi, count_if(agent_id = 'a41')::INTEGER AS a41 FROM calls",
    );
    expect(ids).toEqual({ lo: 'S000000001', hi: 'S000200000', a41: 5 });
  });

  it('has the distributions and planted effects of generate.ts (rates within 1.5 points at 200 k calls)', async () => {
    const close = (a: number | null, b: number | null, tol = 0.015) => expect(Math.abs(a! - b!)).toBeLessThan(tol);
    const [s, j] = [await getJson(appFor(sql), '/api/summary'), await getJson(appFor(js), '/api/summary')];
    expect(s.body.dials).toBe(200_000); // answered from the rollups, rebuilt after generation
    for (const k of ['connectRate', 'hangupRate', 'rejectionRate', 'conversionRate'] as const)
      close(s.body[k], j.body[k]);
    for (const by of ['script', 'segment', 'number_tag', 'nth_call_30d', 'hour', 'weekday', 'age_band', 'campaign']) {
      const [a, b] = [
        (await getJson(appFor(sql), `/api/breakdown?by=${by}`)).body.rows,
        (await getJson(appFor(js), `/api/breakdown?by=${by}`)).body.rows,
      ];
      const rows = b.filter((r: any) => r.answered >= 2000);
      expect(rows.length, by).toBeGreaterThan(1);
      for (const r of rows) {
        const other = a.find((x: any) => x.key === r.key);
        expect(other, `${by}=${r.key}`).toBeDefined();
        close(other.dials / 200_000, r.dials / 200_000, 0.01);
        close(other.hangupRate, r.hangupRate, by === 'nth_call_30d' ? 0.03 : 0.02);
      }
    }
  });

  it('fills every derived column as ingest does: the same calls generated directly and loaded from its CSV are equal', async () => {
    await gen(direct, 20_000, 7);
    const csv = join(viaCsv.dir, 'gen.csv');
    expect(await exportCanonicalCsv(viaCsv.db.writeConnection, csv, { calls: 20_000, seed: 7, prefix: 'S' })).toBe(
      20_000,
    );
    // viaCsv hashes callees with its own key: give it direct's so both store the same ids.
    const { copyFileSync } = await import('node:fs');
    copyFileSync(join(direct.dataDir, 'callee-hash.key'), join(viaCsv.dataDir, 'callee-hash.key'));
    expect((await ingest(viaCsv, csv)).inserted).toBe(20_000);
    // Every column but the ingest bookkeeping: flags added later are compared too.
    const cols = '* EXCLUDE (ingest_id, number_tag_cdr)';
    const a = await direct.db.query(`SELECT ${cols} FROM calls ORDER BY call_id`);
    const b = await viaCsv.db.query(`SELECT ${cols} FROM calls ORDER BY call_id`);
    expect(a.length).toBe(20_000);
    expect(a).toEqual(b);
  }, 120_000);
});
