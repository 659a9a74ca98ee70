import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { deleteIngest } from '../../server/ingest/delete-ingest.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { writeSampleCsv } from '../../sample-data/generate.ts';
import { SETTINGS, tempStore } from '../helpers/temp-store.ts';
import type { ChEngine } from '../../server/clickhouse/engine.ts';
import type { ClickHouseStore } from '../../server/clickhouse/store.ts';
import { ROLLUPS } from '../../server/semantic/rollups.ts';
import { ChdbEngine } from './chdb-engine.ts';
import { json, jsonDiff } from './compare.ts';
import { clickhouseTarget, mirroredStore, type Target } from './setup.ts';

/**
 * Every API route's JSON on the sample data, answered by DuckDB, by the two-shard ClickHouse
 * cluster (Debian's 18.16: values inlined through literal()) and by chDB (a current ClickHouse,
 * real query parameters): equal counts, rates to 1e-9, the same A/B verdicts. Then a file is
 * deleted and loaded again on all three, and they must still agree.
 */
const CALLS = 3000;
// Values that would break SQL built from text: quotes, backslashes, a placeholder, a comment.
const HOSTILE = ["o'brien\\", '{from:Date}', "'; DROP TABLE calls; --", '客户 "VIP"'];

let target: Target;
let dir: string;
const stores: {
  name: string;
  app: ReturnType<typeof createApp>;
  db: any;
  cleanup: () => unknown;
  ch?: ClickHouseStore;
  /** Every SELECT this store sent to ClickHouse, values inlined on 18.16. */
  sent: string[];
}[] = [];
const files: { calls1: string; calls2: string; customers: string } = { calls1: '', calls2: '', customers: '' };

async function load(db: any, path: string, dataDir: string) {
  return ingestFile(db, path, { dataDir, businessTimezone: SETTINGS.timezone, earlySeconds: SETTINGS.earlySeconds });
}

/** The sample split in two files (shared callees: the second renumbers the first's nth_call_30d), hostile campaign and segment values, a customers file. */
async function writeFiles() {
  dir = mkdtempSync(join(tmpdir(), 'hangup-chcmp-'));
  const all = join(dir, 'sample.csv');
  await writeSampleCsv(all, { calls: CALLS, seed: 11 });
  const [header, ...lines] = readFileSync(all, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  const at = (name: string) => cols.indexOf(name);
  const rows = lines.map((l) => l.split(','));
  rows.slice(0, HOSTILE.length * 5).forEach((r, i) => {
    r[at('campaign')] = `"${HOSTILE[i % HOSTILE.length]!.replace(/"/g, '""')}"`;
  });
  const cut = Math.floor(rows.length * 0.7);
  files.calls1 = join(dir, 'calls-1.csv');
  files.calls2 = join(dir, 'calls-2.csv');
  writeFileSync(files.calls1, [header, ...rows.slice(0, cut).map((r) => r.join(','))].join('\n') + '\n');
  writeFileSync(files.calls2, [header, ...rows.slice(cut).map((r) => r.join(','))].join('\n') + '\n');
  const seen = new Map<string, string>();
  for (const r of rows)
    if (r[at('callee_id')] && !seen.has(r[at('callee_id')]!)) seen.set(r[at('callee_id')]!, r[at('segment')]!);
  const customers = [...seen]
    .slice(0, 400)
    .map(
      ([phone, segment], i) =>
        `${phone},${segment},"${(i % 5 === 0 ? HOSTILE[i % HOSTILE.length]! : `job${i % 3}`).replace(/"/g, '""')}"`,
    );
  files.customers = join(dir, 'customers.csv');
  writeFileSync(files.customers, ['phone,segment,occupation', ...customers].join('\n') + '\n');
}

/** The engine, noting the SQL of each SELECT in `log` (which tables a route really read). */
const recorded = (e: ChEngine, log: string[]): ChEngine => ({
  label: e.label,
  select: <T>(sql: string, p: Parameters<ChEngine['select']>[1]) => {
    log.push(sql);
    return e.select<T>(sql, p);
  },
  command: (sql, settings) => e.command(sql, settings),
  insert: (table, rows, settings) => e.insert(table, rows, settings),
  close: () => e.close(),
});

beforeAll(async () => {
  await writeFiles();
  target = await clickhouseTarget();
  const sent = { duckdb: [] as string[], clickhouse: [] as string[], chdb: [] as string[] };
  const duck = await tempStore();
  const cluster = await mirroredStore(target.config, { batchRows: 700, wrap: (e) => recorded(e, sent.clickhouse) });
  const chdb = await mirroredStore(new ChdbEngine(), { wrap: (e) => recorded(e, sent.chdb) });
  for (const [name, s] of [
    ['duckdb', duck],
    ['clickhouse', cluster],
    ['chdb', chdb],
  ] as const) {
    for (const f of [files.calls1, files.calls2, files.customers]) {
      const r = await load(s.db, f, s.dataDir);
      expect(r.status, `${name} ${f}: ${r.message}`).toBe('loaded');
    }
    stores.push({
      name,
      app: createApp({ db: s.db, settings: s.settings }),
      db: s.db,
      cleanup: s.cleanup,
      ch: 'ch' in s ? s.ch : undefined,
      sent: sent[name],
    });
  }
}, 300_000);

afterAll(async () => {
  for (const s of stores) await s.cleanup();
  await target?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const DIMS = [
  'hour',
  'weekday',
  'date',
  'campaign',
  'script',
  'segment',
  'age_band',
  'number_tag',
  'caller_number',
  'agent',
  'nth_call_30d',
  'hangup_cause',
  'disposition',
];

async function urls(): Promise<string[]> {
  const { body: dims } = await json(stores[0]!.app, '/api/dimensions');
  const seg = dims.segment[0].value as string;
  const shift = (d: string, days: number) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const q = (p: Record<string, string | string[]>) => {
    const s = new URLSearchParams();
    for (const [k, v] of Object.entries(p)) for (const x of [v].flat()) s.append(k, x);
    return s.toString();
  };
  const filters = [
    '',
    q({ from: shift(dims.firstDate, 7), to: shift(dims.lastDate, -6), segment: [seg, HOSTILE[0]!] }),
    q({ campaign: HOSTILE, numberTag: dims.numberTag.map((v: { value: string }) => v.value).slice(0, 2) }),
  ];
  const out = ['/api/health', '/api/dimensions', '/api/reports/weeks'];
  for (const f of filters) {
    const amp = f ? `&${f}` : '';
    out.push(
      `/api/summary?${f}`,
      `/api/heatmap?${f}`,
      `/api/heatmap?x=segment&y=hour${amp}`,
      `/api/breakdown/attribute?name=occupation${amp}`,
    );
    out.push(...DIMS.map((by) => `/api/breakdown?by=${by}${amp}`));
    out.push(
      `/api/ab?adjust=hour,segment,number_tag&sequential=1${amp}`,
      `/api/ab?control=${dims.script.at(-1).value}&correction=bh${amp}`,
    );
    out.push(...['script', 'segment', 'number_tag', 'agent'].map((by) => `/api/survival?by=${by}${amp}`));
    out.push(`/api/recommendations?${f}`);
  }
  out.push(`/api/breakdown/attribute?name=${encodeURIComponent(HOSTILE[1]!)}`);
  return out;
}

/** What a deletion and a reload change: counts, nth_call_30d, dates, attributes, curves, A/B. */
const AFTER_WRITES = [
  '/api/health',
  '/api/dimensions',
  '/api/reports/weeks',
  '/api/summary',
  '/api/breakdown?by=nth_call_30d',
  '/api/breakdown?by=date',
  '/api/heatmap',
  '/api/breakdown/attribute?name=occupation',
  '/api/survival?by=script',
  '/api/ab?adjust=hour,segment,number_tag',
];

async function compareAll(list?: string[]): Promise<number> {
  list ??= await urls();
  for (const url of list) {
    const [base, ...others] = await Promise.all(
      stores.map(async (s) => {
        const t0 = Date.now();
        const r = await json(s.app, url);
        if (process.env.HANGUP_TEST_TIMING) console.log(s.name, Date.now() - t0, url);
        return r;
      }),
    );
    expect(base!.status, `${url} on duckdb: ${JSON.stringify(base!.body).slice(0, 300)}`).toBe(200);
    for (const [i, o] of others.entries()) {
      const diff = jsonDiff(base!.body, o.body);
      expect({ url, engine: stores[i + 1]!.name, status: o.status, diff }).toEqual({
        url,
        engine: stores[i + 1]!.name,
        status: 200,
        diff: [],
      });
    }
  }
  return list.length;
}

/** Dials each ClickHouse rollup holds, per ClickHouse store (every rollup must hold every live call). */
async function rollupDials(): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  for (const s of stores) {
    if (!s.ch) continue;
    const r = s.ch.rollups!;
    expect(r.ready, `${s.name}: rollups ready`).toBe(true);
    out[s.name] = await Promise.all(
      ROLLUPS.map(async (def) => {
        const from = r.fromOf(`\`${def.name}\``)!;
        const [row] = await s.ch!.query<{ n: number }>(`SELECT toInt64(sum(dials)) AS n FROM ${from}`);
        return Number(row!.n);
      }),
    );
  }
  return out;
}

describe(`DuckDB, ClickHouse cluster and chDB answer every route alike`, () => {
  it('on the sample with a customers file', async () => {
    // Each write was merged to one part per partition, so the routes read without FINAL… (a merge
    // that timed out on a loaded machine leaves a store on FINAL: settle it again, as the next write would)
    for (const s of stores) if (s.ch && !s.ch.settled) await s.ch.settle();
    expect(stores.map((s) => s.ch?.settled ?? true)).toEqual([true, true, true]);
    // The planner answers from ClickHouse's own rollups there, each holding every call.
    const all = ROLLUPS.map(() => CALLS);
    expect(await rollupDials()).toEqual({ clickhouse: all, chdb: all });
    const n = await compareAll();
    // …and with FINAL, as they do while a write has left a call in two parts.
    for (const s of stores) if (s.ch) s.ch.settled = false;
    await compareAll(AFTER_WRITES);
    expect(n).toBeGreaterThan(70);
    const { body } = await json(stores[1]!.app, '/api/summary');
    expect(body.dials).toBe(CALLS);
    // Not vacuous: the hostile campaign values are data, found by their filter.
    const { body: hostile } = await json(
      stores[1]!.app,
      `/api/summary?${HOSTILE.map((h) => `campaign=${encodeURIComponent(h)}`).join('&')}`,
    );
    expect(hostile.dials).toBe(HOSTILE.length * 5);
  }, 600_000); // ~100 requests on each of three engines: minutes on a loaded 2-core CI machine

  it('after deleting a file (nth_call_30d recounted) and loading it again', async () => {
    for (const s of stores) {
      const out = await deleteIngest(s.db, 2);
      expect(out, s.name).toMatchObject({ ok: true, deleted: CALLS - Math.floor(CALLS * 0.7) });
    }
    await compareAll(AFTER_WRITES);
    const { body } = await json(stores[1]!.app, '/api/health');
    expect(body.calls).toBe(Math.floor(CALLS * 0.7));
    const left = ROLLUPS.map(() => Math.floor(CALLS * 0.7));
    expect(await rollupDials()).toEqual({ clickhouse: left, chdb: left });
    for (const s of stores) expect((await load(s.db, files.calls2, join(dir))).status, s.name).toBe('loaded');
    await compareAll(AFTER_WRITES);
    expect((await json(stores[2]!.app, '/api/health')).body.calls).toBe(CALLS);
    expect(await rollupDials()).toEqual({ clickhouse: ROLLUPS.map(() => CALLS), chdb: ROLLUPS.map(() => CALLS) });
  }, 600_000);
});

/**
 * /api/dimensions computed afresh (no-cache: past the response cache) on every store: per ClickHouse
 * store the tables it read (database.table, backquoted as the queries name them) and how its JSON
 * differs from DuckDB's.
 */
async function dimensionsRead(): Promise<Record<string, { tables: string[]; diff: string[] }>> {
  const get = async (s: (typeof stores)[number]) => {
    const res = await s.app.request('/api/dimensions', { headers: { 'cache-control': 'no-cache' } });
    expect(res.status, s.name).toBe(200);
    return res.json();
  };
  const base = await get(stores[0]!);
  const out: Record<string, { tables: string[]; diff: string[] }> = {};
  for (const s of stores) {
    if (!s.ch) continue;
    s.sent.length = 0;
    const diff = jsonDiff(base, await get(s));
    const tables = s.sent.flatMap((sql) => [...sql.matchAll(/`\w+`\.`(\w+)`/g)].map((m) => m[1]!));
    out[s.name] = { tables: [...new Set(tables)].sort(), diff };
  }
  return out;
}

describe('/api/dimensions on ClickHouse', () => {
  it('reads the rollups while they are on, the calls once they are off, with the JSON of DuckDB', async () => {
    // The cluster reads the Distributed rollups over its shards; chDB (one server) the tables themselves.
    expect(await dimensionsRead()).toEqual({
      clickhouse: { tables: ['rollup_agent_all', 'rollup_caller_all', 'rollup_day_all'], diff: [] },
      chdb: { tables: ['rollup_agent_local', 'rollup_caller_local', 'rollup_day_local'], diff: [] },
    });
    // Not vacuous: every menu has values, and the counts add up to the calls.
    const { body } = await json(stores[1]!.app, '/api/dimensions');
    for (const dim of ['campaign', 'script', 'segment', 'numberTag', 'agent', 'ageBand', 'callerNumber'])
      expect(body[dim].length, dim).toBeGreaterThan(0);
    expect(body.campaign.reduce((n: number, v: { calls: number }) => n + v.calls, 0)).toBe(body.calls);
    // Rollups off (one URL for a whole cluster, or a failed refresh): the scan of the calls, same JSON.
    const chStores = stores.filter((s) => s.ch);
    for (const s of chStores) s.ch!.rollups!.ready = false;
    try {
      expect(await dimensionsRead()).toEqual({
        clickhouse: { tables: ['calls_all'], diff: [] },
        chdb: { tables: ['calls_local'], diff: [] },
      });
    } finally {
      for (const s of chStores) s.ch!.rollups!.ready = true;
    }
  }, 120_000);

  it('on an empty store: no menu values, no dates, 0 calls, as DuckDB says', async () => {
    const duck = await tempStore();
    const empty = [
      await mirroredStore({ ...target.config, database: `${target.config.database}_empty` }),
      // chDB allows one session per process: the one of the chdb store, in a database of its own, left open.
      await mirroredStore({ ...recorded(stores[2]!.ch!.engine, []), close: async () => undefined }),
    ];
    try {
      const { body: want } = await json(createApp({ db: duck.db, settings: duck.settings }), '/api/dimensions');
      expect(want).toMatchObject({ firstDate: null, lastDate: null, calls: 0, campaign: [], callerNumber: [] });
      for (const e of empty) {
        expect(e.ch.rollups?.ready, e.ch.engine.label).toBe(true);
        const { body } = await json(createApp({ db: e.db, settings: e.settings }), '/api/dimensions');
        expect(jsonDiff(want, body), e.ch.engine.label).toEqual([]);
      }
    } finally {
      duck.cleanup();
      for (const e of empty) {
        for (const s of e.ch.shardEngines) await s.command(`DROP DATABASE IF EXISTS \`${e.ch.names.database}\``);
        await e.cleanup();
      }
    }
  }, 120_000);
});
