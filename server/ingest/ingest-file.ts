import { BLOB, DuckDBConnection, LIST, VARCHAR, blobValue, listValue } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import { CANONICAL_COLUMNS, mapHeader, stagingType } from './canonical.ts';
import { hmacPads, loadCalleeKey } from './callee-key.ts';
import { sniffFile, splitHeader, UnreadableFileError, type Sniffed } from './sniff.ts';
import { gb18030ToUtf8 } from './transcode.ts';

export interface IngestOptions {
  dataDir: string;
  /** Zone of naive timestamps in the file (default: the business timezone). */
  timezone?: string;
  businessTimezone: string;
  earlySeconds: number;
  /** Name to report and log; defaults to the path's base name (uploads pass the client's name). */
  fileName?: string;
  onPhase?: (phase: string) => void;
}

export interface IngestReport {
  ingestId: number;
  fileName: string;
  sha256: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'repeated' | 'failed';
  message: string | null;
  rowsRead: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  rejectsPath: string | null;
  extraColumns: string[];
  durationMs: number;
}

/** Safe file-name stem: never a path, never quotes. */
export function safeStem(name: string): string {
  return basename(name).replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '').slice(0, 80) || 'file';
}

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

// One writer at a time: DuckDB transactions on the shared write connection must not interleave.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Loads one canonical CDR file in one transaction. Every row read ends in exactly one bucket
 * (inserted, duplicate, rejected); rejects are written to <dataDir>/rejects with their reasons.
 * Files that cannot be read at all come back with status 'failed' and a one-line reason.
 */
export function ingestFile(db: Database, path: string, opts: IngestOptions): Promise<IngestReport> {
  const run = queue.then(() => ingestNow(db, path, opts));
  queue = run.catch(() => undefined);
  return run;
}

async function ingestNow(db: Database, path: string, opts: IngestOptions): Promise<IngestReport> {
  const t0 = Date.now();
  const con = db.writeConnection;
  const fileName = basename(opts.fileName ?? path);
  const phase = opts.onPhase ?? (() => {});
  const [{ id }] = (await (await con.runAndReadAll(sqlText('ingest_next_id'))).getRowObjectsJson()) as { id: number }[];
  const report: IngestReport = {
    ingestId: Number(id), fileName, sha256: '', format: 'unknown', encoding: null, status: 'failed',
    message: null, rowsRead: 0, inserted: 0, duplicates: 0, rejected: 0, rejectsPath: null,
    extraColumns: [], durationMs: 0,
  };
  const tmpDir = join(opts.dataDir, 'tmp');
  let tmpFile: string | null = null;
  try {
    phase('hashing');
    report.sha256 = await sha256Of(path);
    const seen = (await (await con.runAndReadAll(sqlText('ingest_seen'), { sha256: report.sha256 })).getRowObjectsJson())[0];
    if (seen) {
      report.status = 'repeated';
      report.message = `already ingested as #${seen.ingestId} (${seen.fileName}, ${seen.loadedAt}); nothing added`;
      return await finish(con, report, t0);
    }
    const sniffed = await sniffFile(path, fileName);
    report.format = sniffed.format;
    report.encoding = sniffed.encoding;
    let readable = path;
    if (sniffed.encoding === 'gb18030') {
      phase('transcoding GB18030');
      mkdirSync(tmpDir, { recursive: true });
      tmpFile = join(tmpDir, `${report.ingestId}-${safeStem(fileName)}.utf8`);
      await gb18030ToUtf8(path, tmpFile, sniffed.gzip);
      readable = tmpFile;
    }
    await con.run(`SET TimeZone = '${tzLiteral(opts.timezone ?? opts.businessTimezone)}'`);
    await con.run('BEGIN TRANSACTION');
    try {
      phase('reading');
      await con.run(sqlText('ingest_prepare'));
      report.extraColumns = await stage(con, readable, sniffed);
      for (const col of CANONICAL_COLUMNS) await con.run(renderIdentifiers(sqlText('ingest_add_column'), { table: 'staged', col, type: stagingType(col) }));
      phase('checking');
      const { ipad, opad } = hmacPads(loadCalleeKey(opts.dataDir));
      await con.run(
        sqlText('ingest_check'),
        { business_tz: opts.businessTimezone, ipad: blobValue(ipad), opad: blobValue(opad) },
        { ipad: BLOB, opad: BLOB },
      );
      await con.run(sqlText('ingest_repeats'));
      const counts = (await (await con.runAndReadAll(sqlText('ingest_counts'))).getRowObjectsJson())[0]!;
      Object.assign(report, {
        rowsRead: Number(counts.rowsRead), inserted: Number(counts.inserted),
        duplicates: Number(counts.duplicates), rejected: Number(counts.rejected),
      });
      phase('storing');
      await con.run(sqlText('ingest_insert'), { ingest_id: report.ingestId, early_seconds: opts.earlySeconds });
      await con.run(sqlText('ingest_renumber_older'), { ingest_id: report.ingestId });
      report.status = 'loaded';
      if (report.rejected > 0) report.rejectsPath = await writeRejects(con, opts.dataDir, fileName);
      await finish(con, report, t0);
      await con.run('COMMIT');
    } catch (err) {
      await con.run('ROLLBACK');
      throw err;
    }
    return report;
  } catch (err) {
    report.status = 'failed';
    report.rowsRead = report.inserted = report.duplicates = report.rejected = 0;
    report.rejectsPath = null;
    report.message = err instanceof UnreadableFileError || err instanceof MissingColumnsError
      ? err.message
      : `could not be read: ${firstLine(err)}`;
    return await finish(con, report, t0);
  } finally {
    db.markWritten();
    await con.run(`SET TimeZone = '${tzLiteral(opts.businessTimezone)}'`).catch(() => undefined);
    if (tmpFile) rmSync(tmpFile, { force: true });
  }
}

class MissingColumnsError extends Error {}

/** Fills the `staged` table from the file; returns the extra (non-canonical) columns. */
async function stage(con: DuckDBConnection, path: string, sniffed: Sniffed): Promise<string[]> {
  if (sniffed.format === 'csv') {
    const { delimiter, names: header } = splitHeader(sniffed.firstLine);
    const { names, extras, missing } = mapHeader(header);
    if (missing.length) throw new MissingColumnsError(`missing required column ${missing.join(', ')} (header: ${header.join(', ').slice(0, 200)})`);
    await con.run(
      sqlText('ingest_stage_csv'),
      { path, names: listValue(names), types: listValue(names.map(stagingType)), delim: delimiter },
      { names: LIST(VARCHAR), types: LIST(VARCHAR) },
    );
    const [rej] = (await (await con.runAndReadAll('SELECT count(*)::INTEGER AS n FROM ingest_reject_errors')).getRowObjectsJson()) as { n: number }[];
    if (Number(rej!.n) > 0) await con.run(sqlText('ingest_stage_csv_rejects'));
    return extras;
  }
  if (sniffed.format === 'json') {
    const keys = (await (await con.runAndReadAll(sqlText('ingest_json_keys'), { path })).getRowObjectsJson()).map((r) => String(r.key));
    const { extras, missing } = mapHeader(keys);
    if (missing.length) throw new MissingColumnsError(`missing required field ${missing.join(', ')} in every JSON line`);
    await con.run(sqlText('ingest_stage_json'), { path });
    await con.run(sqlText('ingest_type_text'));
    return extras;
  }
  const header = (await con.runAndReadAll(sqlText('ingest_header_parquet'), { path })).columnNames();
  const canonical = new Set<string>(CANONICAL_COLUMNS);
  const { missing } = mapHeader(header.filter((h) => canonical.has(h)));
  if (missing.length) throw new MissingColumnsError(`missing required column ${missing.join(', ')} (Parquet column names must be canonical)`);
  await con.run(sqlText('ingest_stage_parquet'), { path });
  for (const col of CANONICAL_COLUMNS) await con.run(renderIdentifiers(sqlText('ingest_add_column'), { table: 'staged_text', col, type: 'varchar' }));
  await con.run(sqlText('ingest_type_text'));
  return header.filter((h) => !canonical.has(h));
}

async function writeRejects(con: DuckDBConnection, dataDir: string, fileName: string): Promise<string> {
  const dir = join(dataDir, 'rejects');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = join(dir, `${safeStem(fileName)}.${stamp}.csv`);
  // COPY takes no bound path; `out` is built here from a sanitised stem, never from raw input.
  await con.run(`COPY (${sqlText('ingest_rejects')}) TO '${out.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
  return out;
}

async function finish(con: DuckDBConnection, r: IngestReport, t0: number): Promise<IngestReport> {
  r.durationMs = Date.now() - t0;
  await con.run(sqlText('ingest_log_add'), {
    ingest_id: r.ingestId, file_name: r.fileName, sha256: r.sha256, format: r.format, encoding: r.encoding,
    status: r.status, message: r.message, rows_read: r.rowsRead, inserted: r.inserted, duplicates: r.duplicates,
    rejected: r.rejected, rejects_path: r.rejectsPath, extra_columns: r.extraColumns.join(', ') || null,
    duration_ms: r.durationMs,
  }, { encoding: VARCHAR, message: VARCHAR, rejects_path: VARCHAR, extra_columns: VARCHAR });
  return r;
}

function tzLiteral(tz: string): string {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(tz)) throw new UnreadableFileError(`bad timezone "${tz}"`);
  return tz;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}
