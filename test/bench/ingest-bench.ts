/**
 * Ingest: canonical CSV through `hangup ingest` (a child process, its peak memory measured)
 * against DuckDB's own read_csv into a table, and the server's peak memory for one big upload.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Database } from '../../server/db/database.ts';
import { openStore } from '../../server/store.ts';
import { exportCanonicalCsv } from '../../sample-data/generate-sql.ts';
import { ingestFloor, type IngestFloor } from './ingest-floor.ts';
import { now } from './measure.ts';
import { uploadAndWait, type UploadResult } from './load.ts';
import { memoryOf, resetPeak, ROOT, startServer } from './server-child.ts';

export const SETTINGS = { timezone: 'Asia/Shanghai', earlySeconds: 10 };

/** A canonical CSV of `rows` generated calls with ids `<prefix>000000001`… (seed differs from the store's). */
export async function makeCsv(
  path: string,
  rows: number,
  prefix: string,
  seed: number,
): Promise<{ path: string; bytes: number; ms: number }> {
  const t = now();
  const db = await Database.open(':memory:');
  try {
    await exportCanonicalCsv(db.writeConnection, path, { calls: rows, seed, prefix });
  } finally {
    db.close();
  }
  return { path, bytes: statSync(path).size, ms: now() - t };
}

/** A store file that exists (so `serve` does not fill it with the sample) and is empty. */
export async function emptyStore(path: string): Promise<void> {
  mkdirSync(join(path, '..'), { recursive: true });
  const store = await openStore(path, SETTINGS);
  store.db.close();
}

/** Runs a command, returning wall ms and peak RSS (MiB) from /usr/bin/time when present, else /proc polling. */
async function measured(
  cmd: string,
  args: string[],
): Promise<{ ms: number; peakMiB: number | null; code: number | null; output: string }> {
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const t = now();
  const child = timeBin ? spawn(timeBin, ['-v', cmd, ...args], { cwd: ROOT }) : spawn(cmd, args, { cwd: ROOT });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  let polled = 0;
  const poll = timeBin ? null : setInterval(() => (polled = Math.max(polled, memoryOf(child.pid!)?.peakMiB ?? 0)), 100);
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (poll) clearInterval(poll);
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  return { ms: now() - t, peakMiB: kb ? Number(kb) / 1024 : polled || null, code, output: output.slice(-2000) };
}

export interface IngestBench {
  rows: number;
  csvBytes: number;
  readCsvMs: number;
  ingestMs: number;
  ingestWallMs: number;
  ingestPeakMiB: number | null;
  ratio: number;
  rowsPerSecond: number;
  readCsvRowsPerSecond: number;
  /** The storing floor (ingest-floor.ts), measured between read_csv and `hangup ingest`. */
  floor: IngestFloor;
  upload: (UploadResult & { peakMiB: number | null; rows: number; memoryLimit: string | null }) | null;
}

export async function ingestBench(
  dir: string,
  csv: { path: string; bytes: number },
  rows: number,
  uploadBytes: number,
  log: (s: string) => void,
): Promise<IngestBench> {
  // DuckDB's own reader into a table of a fresh file database: the floor for any CSV load.
  const raw = await DuckDBInstance.create(join(dir, 'read_csv.duckdb'));
  const rc = await raw.connect();
  const t = now();
  await rc.run('CREATE TABLE calls AS SELECT * FROM read_csv($path)', { path: csv.path });
  const readCsvMs = now() - t;
  rc.closeSync();
  raw.closeSync();
  log(`  read_csv into a table: ${(readCsvMs / 1000).toFixed(1)} s`);
  const floorDb = join(dir, 'floor', 'hangup.duckdb');
  await emptyStore(floorDb);
  const floor = await ingestFloor(floorDb, SETTINGS, csv.path, rows);
  log(
    `  storing floor: insert ${(floor.insertMs / 1000).toFixed(1)} s, rollups ${(floor.rollupsMs / 1000).toFixed(1)} s, committed ${(floor.totalMs / 1000).toFixed(1)} s`,
  );

  const dbPath = join(dir, 'ingest', 'hangup.duckdb');
  await emptyStore(dbPath);
  const run = await measured(process.execPath, [
    '--import',
    'tsx',
    join(ROOT, 'server', 'cli.ts'),
    'ingest',
    csv.path,
    '--db',
    dbPath,
  ]);
  if (run.code !== 0) throw new Error(`hangup ingest failed (${run.code}):\n${run.output}`);
  const check = await DuckDBInstance.create(dbPath, { access_mode: 'READ_ONLY' });
  const cc = await check.connect();
  const [logRow] = (
    await cc.runAndReadAll('SELECT inserted, duration_ms FROM ingest_log ORDER BY ingest_id DESC LIMIT 1')
  ).getRowObjectsJson() as { inserted: number; duration_ms: number }[];
  cc.closeSync();
  check.closeSync();
  if (Number(logRow?.inserted) !== rows) throw new Error(`hangup ingest stored ${logRow?.inserted} of ${rows} rows`);
  const ingestMs = Number(logRow!.duration_ms);
  log(
    `  hangup ingest: ${(ingestMs / 1000).toFixed(1)} s in the ingest log (${(run.ms / 1000).toFixed(1)} s with process start), peak RSS ${run.peakMiB?.toFixed(0)} MiB`,
  );

  let upload: IngestBench['upload'] = null;
  if (uploadBytes > 0) {
    const perRow = csv.bytes / rows;
    const uploadRows = Math.floor((uploadBytes - 300) / perRow);
    const big = await makeCsv(join(dir, 'upload.csv'), uploadRows, 'M', 23);
    log(`  upload file: ${uploadRows.toLocaleString('en')} rows, ${(big.bytes / 1e6).toFixed(0)} MB`);
    const upDb = join(dir, 'upload', 'hangup.duckdb');
    await emptyStore(upDb);
    const server = await startServer(upDb);
    try {
      resetPeak(server.pid);
      const before = memoryOf(server.pid);
      let peak = before?.peakMiB ?? 0;
      const r = await uploadAndWait(
        server.base,
        big.path,
        () => (peak = Math.max(peak, memoryOf(server.pid)?.peakMiB ?? 0)),
      );
      peak = Math.max(peak, memoryOf(server.pid)?.peakMiB ?? 0);
      const limit = /memory_limit[^\d]*([\d.]+\s*[KMGT]i?B)/i.exec(server.log.join(''))?.[1] ?? null;
      upload = { ...r, peakMiB: peak || null, rows: uploadRows, memoryLimit: limit };
      log(
        `  upload ${(big.bytes / 1e6).toFixed(0)} MB: ${r.state} in ${(r.totalMs / 1000).toFixed(1)} s, server peak RSS ${peak.toFixed(0)} MiB (idle before: ${before?.rssMiB.toFixed(0)} MiB)`,
      );
    } finally {
      await server.stop();
    }
  }
  return {
    rows,
    csvBytes: csv.bytes,
    readCsvMs,
    ingestMs,
    ingestWallMs: run.ms,
    ingestPeakMiB: run.peakMiB,
    ratio: readCsvMs / ingestMs,
    rowsPerSecond: rows / (ingestMs / 1000),
    readCsvRowsPerSecond: rows / (readCsvMs / 1000),
    floor,
    upload,
  };
}
