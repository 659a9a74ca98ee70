/**
 * npm run bench -- [--calls 10M|100M] [--only SECTION] [--engine duckdb,…]  (options.ts has all)
 *
 * One run measures, on this machine and side by side:
 *  - api: every endpoint through the real server (`hangup serve`, a child process), each timed
 *    run followed by every comparison engine (engines.ts: best-case raw DuckDB SQL, arquero,
 *    PostgreSQL, …) answering the same numbers, so ratios come from the same moments;
 *  - pages: every dashboard page's full request set, sent as the browser sends it;
 *  - concurrency: 8 dashboard clients idle, then during an upload;
 *  - ingest: canonical CSV through `hangup ingest` vs DuckDB read_csv, and the server's peak
 *    memory for a 512 MB upload.
 * The calls come from the SQL generator (sample-data/generate-sql.ts) and are kept under
 * test-output/bench/ for the next run. Prints a table, writes test-output/bench-<calls>.json and
 * .md, and with --write-docs puts the figures into docs/BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateCalls } from '../../sample-data/generate-sql.ts';
import { replicateCalls } from '../../sample-data/replicate-sql.ts';
import { sqlText } from '../../server/db/sql-files.ts';
import { duckdb as duckdbDialect } from '../../server/semantic/dialect.ts';
import { planSource } from '../../server/semantic/planner.ts';
import { openStore } from '../../server/store.ts';
import { GENERATOR_STAMP } from './generator-stamp.ts';
import { apiCases, pages, reportCases, uncached, type ApiCase } from './cases.ts';
import { ENGINES, type ComparisonEngine, type EngineContext } from './engines.ts';
import { ingestBench, makeCsv, SETTINGS } from './ingest-bench.ts';
import { runClients, uploadAndWait } from './load.ts';
import { fmtMs, now, timeInterleaved, type Timing } from './measure.ts';
import { readOptions, SECTIONS, type Section } from './options.ts';
import { loadPage } from './page-load.ts';
import { caseHeader, caseRows, markdown, printTable, writeDocs, type Concurrency, type Results } from './report.ts';
import { fetchRetry, get, memoryOf, ROOT, startServer, type ServerChild } from './server-child.ts';
import { targets } from './targets.ts';

const opts = readOptions();
const has = (s: Section) => opts.only.has(s);
const log = (s: string) => console.log(s);
const git = (...args: string[]) => {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

const OUT = join(ROOT, 'test-output');
const DATA = join(OUT, 'bench');
mkdirSync(DATA, { recursive: true });
const scratch = mkdtempSync(join(DATA, 'run-'));
const dbPath = join(DATA, `calls-${opts.calls}`, 'hangup.duckdb');

const results: Results = {
  meta: {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    calls: opts.calls,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown CPU',
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    commit: git('rev-parse', '--short', 'HEAD'),
    branch: git('rev-parse', '--abbrev-ref', 'HEAD'),
    load: { start: loadavg() as [number, number, number] },
  },
  engines: {},
  api: {},
  pages: {},
  targets: [],
};
const section = (name: string) => {
  results.meta.load[name] = loadavg() as [number, number, number];
  log(
    `\n== ${name} (load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')})`,
  );
};

let rollupSizes: Record<string, number> | null = null;
async function readRollupSizes(store: Awaited<ReturnType<typeof openStore>>) {
  const rows = await store.db.query<{ name: string; n: number }>(sqlText('rollup_sizes'));
  rollupSizes = Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]));
}

const basePath = (calls: number) => join(DATA, `calls-${calls}`, 'hangup.duckdb');
const stampOf = (calls: number, from: number | null) =>
  `${GENERATOR_STAMP}:${calls}${from ? `:copies-of-${from}` : ''}`;

/** --replicate-from: the calls as copies of an earlier run's generated calls. */
async function replicateData(base: number): Promise<void> {
  const times = opts.calls / base;
  if (!Number.isInteger(times) || times < 2)
    throw new Error(`--replicate-from ${base}: --calls must be a multiple of it, at least twice`);
  const src = basePath(base);
  const ok =
    existsSync(src) &&
    (await (async () => {
      const s = await openStore(src, SETTINGS);
      const [stamp] = await s.db.query<{ value: string }>(sqlText('meta_get'), { key: 'bench_generator' });
      s.db.close();
      return stamp?.value === stampOf(base, null);
    })());
  if (!ok)
    throw new Error(
      `--replicate-from ${base}: run \`npm run bench -- --calls ${base}\` first (its generated calls are copied)`,
    );
  log(`copying the ${base.toLocaleString('en')} generated calls ${times - 1} times into ${dbPath}…`);
  mkdirSync(join(dbPath, '..'), { recursive: true });
  execFileSync('cp', ['--reflink=auto', src, dbPath]);
  execFileSync('cp', [join(src, '..', 'callee-hash.key'), join(dbPath, '..')]);
  const store = await openStore(dbPath, SETTINGS);
  const [first] = await store.db.query<{ id: number }>('SELECT min(ingest_id) AS id FROM calls');
  const r = await replicateCalls(store.db, {
    base,
    times,
    sourceIngest: Number(first!.id),
    onProgress: (copy) => log(`  copy ${copy} of ${times - 1} (${((now() - r0) / 1000).toFixed(0)} s)`),
  });
  await store.db.writeConnection.run(sqlText('meta_set'), { key: 'bench_generator', value: stampOf(opts.calls, base) });
  await store.db.writeConnection.run('CHECKPOINT');
  await readRollupSizes(store);
  store.db.close();
  results.generate = {
    ms: r.ms,
    reused: false,
    rollupsMs: r.rollupsMs,
    dbBytes: statSync(dbPath).size,
    replicatedFrom: base,
  };
  log(
    `  ${opts.calls.toLocaleString('en')} calls in ${(r.ms / 1000).toFixed(0)} s, rollups ${(r.rollupsMs / 1000).toFixed(0)} s, ${(statSync(dbPath).size / 1e9).toFixed(2)} GB`,
  );
}

/** The generated store: reused when it holds exactly these calls from this generator and schema. */
async function prepareData(): Promise<void> {
  section('data');
  if (opts.fresh) rmSync(join(dbPath, '..'), { recursive: true, force: true });
  if (existsSync(dbPath)) {
    // Read-only: several runs of one size (api and concurrency, say) may share the stored calls.
    // The server's copy brings its rollups up to date at open (alignDerived) if their definition changed.
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
    const con = await inst.connect();
    const stamp = (await con.runAndReadAll(sqlText('meta_get'), { key: 'bench_generator' })).getRowObjectsJson()[0] as
      { value: string } | undefined;
    const sizes = (await con.runAndReadAll(sqlText('rollup_sizes'))).getRowObjectsJson() as {
      name: string;
      n: number;
    }[];
    con.closeSync();
    inst.closeSync();
    if (stamp?.value === stampOf(opts.calls, opts.replicateFrom)) {
      log(`reusing ${dbPath} (${opts.calls.toLocaleString('en')} calls; --fresh to make them again)`);
      rollupSizes = Object.fromEntries(sizes.map((r) => [r.name, Number(r.n)]));
      results.generate = {
        ms: 0,
        reused: true,
        dbBytes: statSync(dbPath).size,
        replicatedFrom: opts.replicateFrom ?? undefined,
      };
      return;
    }
    rmSync(join(dbPath, '..'), { recursive: true, force: true });
  }
  if (opts.replicateFrom) return replicateData(opts.replicateFrom);
  log(`generating ${opts.calls.toLocaleString('en')} calls with the SQL generator into ${dbPath}…`);
  const store = await openStore(dbPath, SETTINGS);
  let last = 0;
  const r = await generateCalls(store.db, {
    calls: opts.calls,
    seed: 1,
    businessTimezone: SETTINGS.timezone,
    earlySeconds: SETTINGS.earlySeconds,
    dataDir: store.dataDir,
    onProgress: (done, total) => {
      if (done === total || now() - last > 10_000) {
        log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${((now() - r0) / 1000).toFixed(0)} s)`);
        last = now();
      }
    },
  });
  const rollupsMs = r.rollupsMs;
  await store.db.writeConnection.run(sqlText('meta_set'), { key: 'bench_generator', value: stampOf(opts.calls, null) });
  await store.db.writeConnection.run('CHECKPOINT');
  await readRollupSizes(store);
  store.db.close();
  results.generate = { ms: r.ms, reused: false, rollupsMs, dbBytes: statSync(dbPath).size };
  log(
    `  ${r.inserted.toLocaleString('en')} calls in ${(r.ms / 1000).toFixed(0)} s${rollupsMs != null ? `, rollups ${(rollupsMs / 1000).toFixed(0)} s` : ''}, ${(statSync(dbPath).size / 1e9).toFixed(2)} GB`,
  );
}
const r0 = now();

/**
 * Loads the comparison engines on a copy of the generated file (the server will hold the
 * original's lock), before the server starts.
 */
async function loadEngines(): Promise<{ name: string; engine: ComparisonEngine }[]> {
  section('engines');
  // ClickHouse ships every call to two local shards first (minutes at 10 M): only when named.
  const names = opts.engines ?? Object.keys(ENGINES).filter((n) => n !== 'clickhouse');
  if (names.length === 0) return [];
  // The engines read the generated file itself (read-only); the server runs on a copy.
  const copy = dbPath;
  let t = now();
  const exportTo = async (file: string, what: string, format: 'csv' | 'parquet') => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(copy, { access_mode: 'READ_ONLY' });
    const con = await inst.connect();
    t = now();
    const path = join(scratch, file);
    // `what` is a list of column names from the engines' own allow-lists, never user text.
    await con.run(
      `COPY (SELECT ${what} FROM calls) TO $path (${format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet'})`,
      { path },
    );
    con.closeSync();
    inst.closeSync();
    log(`  exported ${file} in ${((now() - t) / 1000).toFixed(0)} s`);
    return path;
  };
  let csv: Promise<string> | null = null;
  let parquet: Promise<string> | null = null;
  const ctx: EngineContext = {
    duckdbPath: copy,
    calls: opts.calls,
    tmpDir: scratch,
    log,
    callsCsv: () => (csv ??= exportTo('calls.csv', '*', 'csv')),
    callsParquet: () => (parquet ??= exportTo('calls.parquet', '*', 'parquet')),
    exportColumns: (columns, file) => {
      for (const c of columns) if (!/^[a-z_][a-z0-9_]*$/.test(c)) throw new Error(`bad column name ${c}`);
      return exportTo(file, columns.join(', '), 'csv');
    },
  };
  const loaded: { name: string; engine: ComparisonEngine }[] = [];
  for (const name of names) {
    const make = ENGINES[name];
    if (!make) throw new Error(`--engine: no engine "${name}" (registered: ${Object.keys(ENGINES).join(', ')})`);
    const engine = await make();
    const why = await engine.unavailable(ctx);
    if (why) {
      results.engines[name] = { skipped: why, cases: {} };
      log(`${name}: skipped, ${why}`);
      continue;
    }
    log(`${name}: loading…`);
    try {
      const l = await engine.load(ctx);
      results.engines[name] = { loadMs: l.ms, note: l.note, cases: {} };
      loaded.push({ name, engine });
      log(`${name}: loaded in ${(l.ms / 1000).toFixed(1)} s${l.note ? ` (${l.note})` : ''}`);
    } catch (err) {
      results.engines[name] = {
        skipped: `failed to load: ${(err as Error).message.split('\n').slice(0, 3).join(' ')}`,
        cases: {},
      };
      log(`${name}: failed to load, ${(err as Error).message}`);
      await engine.close();
    }
  }
  return loaded;
}

/** What the semantic planner answers a metric case from (its own pure function, same sizes). */
function plannedSource(c: ApiCase, sizes: Record<string, number> | null): string | undefined {
  if (!c.plan || !sizes) return undefined;
  const src = planSource(
    duckdbDialect,
    { groupColumns: c.plan.groups, filters: c.plan.filters, earlySeconds: SETTINGS.earlySeconds },
    { flagsT: SETTINGS.earlySeconds, rollups: true, sizes },
  );
  return src.kind === 'rollup' ? `rollup ${src.from.replace(/"/g, '')}` : 'calls';
}

/** Whatever must be stopped if the run is interrupted (the server child, a PostgreSQL cluster). */
const cleanups = new Set<() => Promise<void>>();
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`\n${sig}: stopping the server and engines…`);
    void Promise.allSettled([...cleanups].map((f) => f())).then(() => {
      if (!opts.keep) rmSync(scratch, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

/** Output name: bench-<calls>, plus the sections when --only narrowed them (runs of one size can be split). */
const outName =
  `bench-${opts.calls}${opts.only.size < SECTIONS.length ? `-${[...opts.only].join('-')}` : ''}` +
  // A ClickHouse run keeps its own section of docs/BENCHMARKS.md.
  (opts.engines?.includes('clickhouse') ? '-clickhouse' : '');

/** Writes what is measured so far (JSON and markdown), so an interrupted long run still leaves its figures. */
function save(final = false): void {
  results.meta.load.end = loadavg() as [number, number, number];
  results.targets = targets(results);
  writeFileSync(join(OUT, `${outName}.json`), JSON.stringify({ ...results, complete: final }, null, 2));
  writeFileSync(
    join(OUT, `${outName}.md`),
    markdown(results, [...opts.only]) + (final ? '' : '\n\n(partial: the run was still going or was stopped)') + '\n',
  );
}

let bustCounter = 0;
const bust = () => ++bustCounter;

/**
 * Every endpoint through HTTP, uncached (a never-read parameter makes the response cache miss)
 * and as cached, each round followed by the same numbers from every engine.
 */
async function runApi(
  server: ServerChild,
  cases: ApiCase[],
  engines: { name: string; engine: ComparisonEngine }[],
  sizes: Record<string, number> | null,
): Promise<void> {
  section('api');
  const fetchOk = async (url: string) => {
    const res = await fetchRetry(server.base + url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  };
  for (const c of cases) {
    const fns: Record<string, () => Promise<unknown>> = { api: () => fetchOk(uncached(c.url, bust())) };
    if (!c.id.startsWith('report') && !c.id.startsWith('ingest')) fns.cached = () => fetchOk(c.url);
    for (const { name, engine } of engines) {
      const fn = engine.query(c);
      if (fn) fns[name] = fn;
    }
    let timed: Record<string, Timing>;
    try {
      timed = await timeInterleaved(fns, { runs: opts.runs });
    } catch (err) {
      log(`  ${c.id}: failed, ${(err as Error).message}`);
      continue;
    }
    const source = plannedSource(c, sizes);
    results.api[c.id] = { ...timed.api!, cachedMedian: timed.cached?.median ?? null, source };
    for (const { name } of engines) if (timed[name]) results.engines[name]!.cases[c.id] = timed[name]!;
    save();
    log(
      `  ${c.id}: API ${fmtMs(timed.api!.median)} ms (first ${fmtMs(timed.api!.first)}, cached ${fmtMs(timed.cached?.median)})${source ? ` from ${source}` : ''}` +
        engines
          .filter((e) => timed[e.name])
          .map((e) => `, ${e.name} ${fmtMs(timed[e.name]!.median)}`)
          .join(''),
    );
  }
  const mem = memoryOf(server.pid);
  results.serverMemory = { afterApiMiB: mem?.rssMiB ?? null, peakMiB: mem?.peakMiB ?? null };
}

async function runPages(server: ServerChild): Promise<void> {
  section('pages');
  for (const p of pages()) {
    let last: Awaited<ReturnType<typeof loadPage>> | null = null;
    const t = await timeInterleaved(
      {
        uncached: async () => (last = await loadPage(server.base, p, bust)),
        cached: () => loadPage(server.base, p),
      },
      { runs: opts.runs },
    );
    const l = last as Awaited<ReturnType<typeof loadPage>> | null;
    results.pages[p.id] = {
      ...t.uncached!,
      cachedMedian: t.cached!.median,
      requests: l?.requests.length ?? 0,
      errors: l?.requests.filter((q) => !q.ok).length ?? 0,
    };
    log(
      `  ${p.id}: ${l?.requests.length} requests, ${fmtMs(t.uncached!.median)} ms uncached, ${fmtMs(t.cached!.median)} ms cached`,
    );
    save();
  }
}

async function runConcurrency(server: ServerChild, csvPath: string, on = 'duckdb'): Promise<Concurrency> {
  section(`concurrency (${on})`);
  const all = pages();
  let until = now() + opts.seconds * 1000;
  const idle = await runClients(server.base, all, opts.clients, () => now() > until);
  log(`  idle: ${idle.requests} requests, p50 ${fmtMs(idle.p50)} ms, p99 ${fmtMs(idle.p99)} ms, ${idle.errors} errors`);
  until = now() + opts.seconds * 1000;
  const idleUncached = await runClients(server.base, all, opts.clients, () => now() > until, bust);
  log(
    `  idle, response cache missed: ${idleUncached.requests} requests, p50 ${fmtMs(idleUncached.p50)} ms, p99 ${fmtMs(idleUncached.p99)} ms, ${idleUncached.errors} errors`,
  );
  let done = false;
  const upload = uploadAndWait(server.base, csvPath).finally(() => (done = true));
  const busy = await runClients(server.base, all, opts.clients, () => done);
  const u = await upload;
  const out = { idle, idleUncached, duringIngest: { ...busy, upload: u } };
  log(
    `  during upload (${u.state}, ${(u.totalMs / 1000).toFixed(0)} s): ${busy.requests} requests, p50 ${fmtMs(busy.p50)} ms, p99 ${fmtMs(busy.p99)} ms, ${busy.errors} errors`,
  );
  return out;
}

async function main(): Promise<void> {
  log(`npm run bench: ${opts.calls.toLocaleString('en')} calls, sections ${[...opts.only].join(', ')}`);
  // The ingest section makes its own files: it needs no generated store (and can run beside a run that holds it).
  if (has('api') || has('pages') || has('concurrency')) await prepareData();
  let lastDate = '2026-11-01';
  const cases = apiCases();
  // Engines answer the api cases; one that serves the dashboard itself (ClickHouse) also takes the concurrency run.
  const wanted = has('api') || (has('concurrency') && opts.engines !== null);
  const engines = wanted && !(opts.engines?.length === 1 && opts.engines[0] === 'none') ? await loadEngines() : [];
  const serving = engines.filter((e) => e.engine.served?.());

  let csv: { path: string; bytes: number } | null = null;
  const ingestCsv = async () => (csv ??= await makeCsv(join(scratch, 'ingest.csv'), opts.ingestRows, 'I', 11));

  if (has('api') || has('pages') || has('concurrency')) {
    if (has('concurrency')) await ingestCsv(); // made before the server starts, not while it is measured
    section('server');
    // The server gets a copy: the concurrency run uploads into it, and the engines hold the original.
    const serveDb = join(scratch, 'serve', 'hangup.duckdb');
    mkdirSync(join(serveDb, '..'), { recursive: true });
    const t = now();
    execFileSync('cp', ['--reflink=auto', dbPath, serveDb]);
    if (existsSync(join(dbPath, '..', 'callee-hash.key')))
      execFileSync('cp', [join(dbPath, '..', 'callee-hash.key'), join(serveDb, '..')]);
    log(`  copied the database for the server in ${((now() - t) / 1000).toFixed(0)} s`);
    const server = await startServer(serveDb);
    cleanups.add(server.stop);
    for (const e of engines) cleanups.add(() => e.engine.close());
    try {
      lastDate = JSON.parse(await get(server.base, '/api/dimensions')).lastDate ?? lastDate;
      if (has('api')) {
        try {
          await runApi(server, [...cases, ...reportCases(lastDate)], engines, rollupSizes);
        } finally {
          for (const e of engines) if (!serving.includes(e)) await e.engine.close();
        }
      }
      if (has('pages')) await runPages(server);
      if (has('concurrency')) {
        results.concurrency = await runConcurrency(server, csv!.path);
        save();
      }
    } finally {
      await server.stop();
    }
    try {
      for (const { name, engine } of has('concurrency') ? serving : []) {
        (results.concurrencyOn ??= {})[name] = await runConcurrency(engine.served!()!, csv!.path, name);
        save();
      }
    } finally {
      for (const e of serving) await e.engine.close();
    }
  }
  if (has('ingest')) {
    section('ingest');
    const c = await ingestCsv();
    results.ingest = await ingestBench(scratch, c, opts.ingestRows, opts.uploadBytes, log);
    save();
  }
  save(true);
  console.log('');
  printTable(caseHeader(results), caseRows(results));
  console.log('');
  printTable(
    ['target', 'measured', 'met'],
    results.targets.map((t) => [t.target, t.value, t.met == null ? '—' : t.met ? 'yes' : 'NO']),
  );
  const md = markdown(results, [...opts.only]);
  log(`\nwrote test-output/${outName}.json and .md`);
  if (opts.writeDocs) {
    writeDocs(join(ROOT, 'docs', 'BENCHMARKS.md'), outName.slice('bench-'.length), md);
    log('wrote docs/BENCHMARKS.md');
  }
}

try {
  await main();
} finally {
  if (!opts.keep) rmSync(scratch, { recursive: true, force: true });
}
