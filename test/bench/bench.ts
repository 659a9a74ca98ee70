/**
 * Benchmark (npm run bench -- [--calls 10000000] [--runs 15]): one run measures, on this machine,
 *  - canonical-CSV ingest against DuckDB's own read_csv into a table (both into a fresh file DB);
 *  - every API endpoint through the real HTTP server against the same SQL run directly on DuckDB.
 * Prints medians and ratios and writes docs/BENCHMARKS.md. Not part of `npm test`: shared
 * machines are noisy, so targets are read from ratios measured side by side in one run.
 */
import { serve as nodeServe } from '@hono/node-server';
import { DuckDBInstance } from '@duckdb/node-api';
import { cpus, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../../server/app.ts';
import { filterParams } from '../../server/db/filter-params.ts';
import { sqlText } from '../../server/db/sql-files.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { breakdownSql, heatmapSql } from '../../server/metrics.ts';
import { openStore } from '../../server/store.ts';
import { writeSampleCsv } from '../../sample-data/generate.ts';
import type { Dimension, Filters } from '../../server/contract/filters.ts';

const { values } = parseArgs({ options: { calls: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } } });
const CALLS = Number(values.calls ?? 10_000_000);
const RUNS = Number(values.runs ?? 15);
const SETTINGS = { timezone: 'Asia/Shanghai', earlySeconds: 10 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

const dir = mkdtempSync(join(tmpdir(), 'hangup-bench-'));
const csvPath = join(dir, 'calls.csv');
console.log(`generating ${CALLS.toLocaleString()} calls into ${csvPath}…`);
let t = process.hrtime.bigint();
await writeSampleCsv(csvPath, { calls: CALLS, seed: 1 });
console.log(`  ${(ms(t) / 1000).toFixed(1)} s, ${(statSync(csvPath).size / 1e9).toFixed(2)} GB`);

// Raw baseline: DuckDB reading the same file into a table of a fresh file database.
const rawInstance = await DuckDBInstance.create(join(dir, 'raw.duckdb'));
const rawCon = await rawInstance.connect();
t = process.hrtime.bigint();
await rawCon.run(`CREATE TABLE calls AS SELECT * FROM read_csv('${csvPath}')`);
const rawIngestMs = ms(t);
rawCon.closeSync();
rawInstance.closeSync();
console.log(`raw read_csv into a table: ${(rawIngestMs / 1000).toFixed(1)} s`);

const store = await openStore(join(dir, 'hangup.duckdb'), SETTINGS);
t = process.hrtime.bigint();
const report = await ingestFile(store.db, csvPath, { dataDir: store.dataDir, businessTimezone: SETTINGS.timezone, earlySeconds: 10 });
const ingestMs = ms(t);
if (report.status !== 'loaded') throw new Error(`ingest failed: ${report.message}`);
console.log(`hangup ingest: ${(ingestMs / 1000).toFixed(1)} s (${report.inserted.toLocaleString()} inserted)`);
rmSync(csvPath);

const app = createApp({ db: store.db, settings: SETTINGS });
const server = nodeServe({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((r) => server.once('listening', () => r()));
const port = (server.address() as { port: number }).port;

const none: Filters = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
const filtered: Filters = { ...none, from: '2026-09-14', to: '2026-10-12', segment: ['white_collar'], script: ['A', 'C'] };
const qs = (f: Filters) => {
  const p = new URLSearchParams();
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  for (const v of f.segment) p.append('segment', v);
  for (const v of f.script) p.append('script', v);
  return p.toString();
};
const cases: { name: string; url: string; sql: string; filters?: Filters }[] = [
  { name: 'health', url: '/api/health', sql: sqlText('call_count') },
  { name: 'summary', url: '/api/summary', sql: sqlText('summary'), filters: none },
  { name: 'summary (filtered)', url: `/api/summary?${qs(filtered)}`, sql: sqlText('summary'), filters: filtered },
  { name: 'heatmap hour x weekday', url: '/api/heatmap?x=hour&y=weekday', sql: heatmapSql('hour', 'weekday'), filters: none },
  { name: 'heatmap segment x hour (filtered)', url: `/api/heatmap?x=hour&y=segment&${qs(filtered)}`, sql: heatmapSql('hour', 'segment'), filters: filtered },
  ...(['hour', 'date', 'script', 'segment', 'number_tag', 'caller_number', 'agent', 'nth_call_30d'] as Dimension[]).map((by) => ({
    name: `breakdown by ${by}`, url: `/api/breakdown?by=${by}`, sql: breakdownSql(by), filters: none,
  })),
  { name: 'dimensions', url: '/api/dimensions', sql: `${sqlText('dimension_values')}` },
];

// Raw side: the same SQL and parameters on a plain connection of the same instance.
const raw = await store.db.instance.connect();
const rows: string[] = [];
console.log('\nendpoint | API median ms | raw DuckDB median ms | ratio');
for (const c of cases) {
  const bound = c.filters ? filterParams(c.filters, 10) : { params: {}, types: {} };
  const stmt = await raw.prepare(c.sql);
  if (c.filters) stmt.bind(bound.params, bound.types);
  const api: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    let s = process.hrtime.bigint();
    const res = await fetch(`http://127.0.0.1:${port}${c.url}`);
    if (!res.ok) throw new Error(`${c.url}: HTTP ${res.status}`);
    await res.text();
    if (i >= 2) api.push(ms(s));
    s = process.hrtime.bigint();
    (await stmt.runAndReadAll()).getRowObjectsJson();
    if (i >= 2) direct.push(ms(s));
  }
  const line = `${c.name} | ${median(api).toFixed(1)} | ${median(direct).toFixed(1)} | ${(median(api) / median(direct)).toFixed(2)}`;
  console.log(line);
  rows.push(`| ${line} |`);
}
raw.closeSync();
server.close();
store.db.close();

const ingestRatio = rawIngestMs / ingestMs;
const md = `# Benchmarks

Measured by \`npm run bench -- --calls ${CALLS}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores
(${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, DuckDB 1.5.6.
One run; medians of ${RUNS} requests after 2 warm-ups. Shared machine: read the ratios, not the absolute times.

## Ingest (${CALLS.toLocaleString()} canonical CSV rows, fresh file database)

| path | seconds |
| --- | --- |
| DuckDB \`CREATE TABLE AS SELECT * FROM read_csv(...)\` (auto-detected types, no checks) | ${(rawIngestMs / 1000).toFixed(1)} |
| \`hangup ingest\` (encoding check, sha256, validation with reasons, dedupe, hashing, derived columns, nth_call_30d) | ${(ingestMs / 1000).toFixed(1)} |

Ingest speed relative to raw read_csv: **${ingestRatio.toFixed(2)}x** (target ≥ 0.5x).

## API through the HTTP server vs the same SQL on DuckDB (${CALLS.toLocaleString()} calls)

| endpoint | API median ms | raw DuckDB median ms | ratio (target ≤ 1.3) |
| --- | --- | --- | --- |
${rows.join('\n')}
`;
writeFileSync(join(import.meta.dirname ?? '.', '..', '..', 'docs', 'BENCHMARKS.md'), md);
console.log(`\ningest ratio ${ingestRatio.toFixed(2)}x; wrote docs/BENCHMARKS.md`);
if (!values.keep) rmSync(dir, { recursive: true, force: true });
