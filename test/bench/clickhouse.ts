/**
 * ClickHouse in the benchmark: the same API, answered by two local clickhouse-server shards.
 *
 * 1. As a comparison engine of `npm run bench -- --engine clickhouse` (test/bench/engines.ts
 *    registers `clickhouseEngine`): loads the benchmark's calls from its DuckDB copy into a
 *    two-shard cluster (the mirror's own shipping, so the load time is the ingest cost) and
 *    answers every API case through the real routes with the ClickHouse query store.
 * 2. Standalone, `npx tsx test/bench/clickhouse.ts [--calls 1000000] [--runs 5] [--clients 16]`:
 *    generates the sample into DuckDB, ships it to two shards, then per endpoint the median of
 *    DuckDB and of ClickHouse, and N concurrent clients over the overview page's requests on each.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/app.ts';
import { attachMirror } from '../../server/clickhouse/hooks.ts';
import { ClickHouseMirror } from '../../server/clickhouse/mirror.ts';
import { clickhouseQueryStore } from '../../server/clickhouse/query-store.ts';
import { ClickHouseStore } from '../../server/clickhouse/store.ts';
import { useQueryStore } from '../../server/db/query-store.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { openStore, type Store } from '../../server/store.ts';
import { writeSampleCsv } from '../../sample-data/generate.ts';
import { serverCommand, startCluster, type LocalCluster } from '../clickhouse/cluster.ts';

const SETTINGS = { timezone: 'Asia/Shanghai', earlySeconds: 10 };

/** The parts of the benchmark's EngineContext / ApiCase this engine reads (structurally theirs). */
interface Ctx {
  duckdbPath: string;
  calls: number;
  tmpDir: string;
  log: (line: string) => void;
}
interface Case {
  id: string;
  url: string;
}

type App = ReturnType<typeof createApp>;

/** A DuckDB control store mirrored to a fresh two-shard cluster, and the app reading ClickHouse. */
async function onClickHouse(
  store: Store,
  batchRows = 50_000,
): Promise<{ app: App; cluster: LocalCluster; ch: ClickHouseStore; shipMs: number }> {
  const cluster = await startCluster(2);
  const ch = await ClickHouseStore.connect({ urls: cluster.urls, cluster: cluster.cluster, database: 'hangup_bench' });
  const mirror = new ClickHouseMirror(store.db, ch, {
    ...{ businessTimezone: store.settings.timezone, earlySeconds: store.settings.earlySeconds },
    batchRows,
  });
  const t0 = performance.now();
  await mirror.open();
  const shipMs = performance.now() - t0;
  attachMirror(store.db, mirror);
  useQueryStore(store.db, clickhouseQueryStore(ch, store.db));
  return { app: createApp({ db: store.db, settings: store.settings }), cluster, ch, shipMs };
}

/** One uncached request (`Cache-Control: no-cache`: the response cache computes it afresh). */
async function get(app: App, url: string): Promise<unknown> {
  const res = await app.request(url, { headers: { 'cache-control': 'no-cache' } });
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.json();
}

/** The comparison engine of `npm run bench -- --engine clickhouse`. */
export async function clickhouseEngine() {
  let state: Awaited<ReturnType<typeof onClickHouse>> | null = null;
  let store: Store | null = null;
  return {
    name: 'clickhouse (2 local shards)',
    async unavailable(_ctx: Ctx): Promise<string | null> {
      return serverCommand()
        ? null
        : 'clickhouse-server not installed (apt-get install -y clickhouse-server clickhouse-client)';
    },
    async load(ctx: Ctx): Promise<{ ms: number; note?: string }> {
      // The mirror writes meta rows into its control store: work on a copy of the engines' copy.
      const path = join(ctx.tmpDir, 'clickhouse-control.duckdb');
      copyFileSync(ctx.duckdbPath, path);
      if (existsSync(`${ctx.duckdbPath}.wal`)) copyFileSync(`${ctx.duckdbPath}.wal`, `${path}.wal`);
      store = await openStore(path, SETTINGS);
      state = await onClickHouse(store);
      ctx.log(
        `clickhouse: ${ctx.calls.toLocaleString()} calls shipped to 2 shards (${state.ch.caps.version}) in ${(state.shipMs / 1000).toFixed(1)} s`,
      );
      return {
        ms: state.shipMs,
        note: `ClickHouse ${state.ch.caps.version}, 2 shards on this machine, FINAL reads; load = shipping from DuckDB`,
      };
    },
    query(c: Case): (() => Promise<unknown>) | undefined {
      if (!c.url.startsWith('/api/') || c.url.startsWith('/api/ingest') || c.url.startsWith('/api/reports'))
        return undefined;
      return () => get(state!.app, c.url);
    },
    async close(): Promise<void> {
      await state?.ch.close();
      await state?.cluster.stop();
      store?.db.close();
    },
  };
}

// ---- standalone -------------------------------------------------------------------------------

const ENDPOINTS = [
  '/api/health',
  '/api/dimensions',
  '/api/summary',
  '/api/summary?from=2026-10-05&to=2026-11-02&campaign=car_renewal',
  '/api/heatmap?x=hour&y=weekday',
  '/api/heatmap?x=hour&y=segment',
  '/api/breakdown?by=date',
  '/api/breakdown?by=segment',
  '/api/breakdown?by=agent',
  '/api/breakdown?by=caller_number',
  '/api/breakdown?by=nth_call_30d',
  '/api/breakdown?by=segment&from=2026-10-05&to=2026-11-02&campaign=car_renewal',
  '/api/ab?adjust=hour,segment,number_tag',
  '/api/survival?by=script',
  '/api/recommendations',
];
/** The overview page's requests (what one dashboard client asks on first load). */
const OVERVIEW = [
  '/api/dimensions',
  '/api/summary',
  '/api/breakdown?by=date',
  '/api/breakdown?by=disposition',
  '/api/breakdown?by=hangup_cause',
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function time(app: App, url: string, runs: number): Promise<number> {
  await get(app, url);
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await get(app, url);
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** `clients` loops asking the overview page's requests for `seconds`: p50/p99 per request, errors. */
async function concurrent(app: App, clients: number, seconds: number) {
  const lat: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        for (const url of OVERVIEW) {
          const t0 = performance.now();
          try {
            await get(app, url);
            lat.push(performance.now() - t0);
          } catch {
            errors++;
          }
        }
      }
    }),
  );
  return { requests: lat.length, p50: pct(lat, 0.5), p99: pct(lat, 0.99), errors, perSecond: lat.length / seconds };
}

async function main() {
  const { values } = parseArgs({
    options: {
      calls: { type: 'string' },
      runs: { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
    },
  });
  const calls = Number(values.calls ?? 1_000_000);
  const runs = Number(values.runs ?? 5);
  const clients = Number(values.clients ?? 16);
  const seconds = Number(values.seconds ?? 20);
  const dir = mkdtempSync(join(tmpdir(), 'hangup-chbench-'));
  const log = (l: string) => console.log(l);
  try {
    const csv = join(dir, 'calls.csv');
    let t0 = performance.now();
    await writeSampleCsv(csv, { calls, seed: 1 });
    log(`generated ${calls.toLocaleString()} calls in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const duck = await openStore(join(dir, 'duck.duckdb'), SETTINGS);
    t0 = performance.now();
    const r = await ingestFile(duck.db, csv, {
      dataDir: duck.dataDir,
      businessTimezone: SETTINGS.timezone,
      earlySeconds: SETTINGS.earlySeconds,
    });
    log(`DuckDB ingest: ${r.inserted.toLocaleString()} calls in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const control = await openStore(join(dir, 'control.duckdb'), SETTINGS);
    await ingestFile(control.db, csv, {
      dataDir: control.dataDir,
      businessTimezone: SETTINGS.timezone,
      earlySeconds: SETTINGS.earlySeconds,
    });
    const ch = await onClickHouse(control);
    log(
      `shipped to 2 shards (ClickHouse ${ch.ch.caps.version}) in ${(ch.shipMs / 1000).toFixed(1)} s = ${Math.round(calls / (ch.shipMs / 1000)).toLocaleString()} calls/s`,
    );
    const duckApp = createApp({ db: duck.db, settings: SETTINGS });
    log(`\n| request | DuckDB ms | ClickHouse 2 shards ms |\n| --- | ---: | ---: |`);
    for (const url of ENDPOINTS) {
      const a = await time(duckApp, url, runs);
      const b = await time(ch.app, url, runs);
      log(`| \`${url}\` | ${a.toFixed(0)} | ${b.toFixed(0)} |`);
    }
    for (const [name, app] of [
      ['DuckDB', duckApp],
      ['ClickHouse', ch.app],
    ] as const) {
      const c = await concurrent(app, clients, seconds);
      log(
        `${clients} concurrent clients (overview page, ${seconds} s) on ${name}: ${c.requests} requests, ${c.perSecond.toFixed(1)}/s, p50 ${c.p50.toFixed(0)} ms, p99 ${c.p99.toFixed(0)} ms, ${c.errors} errors`,
      );
    }
    await ch.ch.close();
    await ch.cluster.stop();
    duck.db.close();
    control.db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
