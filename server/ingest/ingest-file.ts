import { BLOB, DuckDBConnection, LIST, VARCHAR, blobValue, listValue } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from '../db/database.ts';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import { rollupsAfterIngest } from '../db/derived.ts';
import { CANONICAL_COLUMNS, mapHeader, stagingType } from './canonical.ts';
import { hmacPads, loadCalleeKey } from './callee-key.ts';
import { sniffFile, splitHeader, UnreadableFileError, type Sniffed } from './sniff.ts';
import { gb18030ToUtf8 } from './transcode.ts';
import { applyDimensionsToIngest } from './dimensions.ts';
import { writeRejects } from './rejects.ts';
import { safeStem } from './safe-stem.ts';
import { loadSupplement } from './supplement.ts';
import { planFromMapping, type Mapping } from './formats/mapping-file.ts';
import { detectFormat, formatByName, type Detected } from './formats/registry.ts';
import { sampleOf } from './formats/sample.ts';
import { stageMapped, type FoldNote } from './formats/stage-mapped.ts';
import type { FormatPlan } from './formats/types.ts';
import { withQueryProgress, type ProgressFn } from './progress.ts';

export interface IngestOptions {
  dataDir: string;
  /** Zone of naive timestamps in the file (default: the business timezone). */
  timezone?: string;
  businessTimezone: string;
  earlySeconds: number;
  /** Name to report and log; defaults to the path's base name (uploads pass the client's name). */
  fileName?: string;
  onPhase?: (phase: string) => void;
  /** Phase plus fraction done where measurable (hashing, transcoding, DuckDB steps). */
  onProgress?: ProgressFn;
  /** A format name from FORMAT_NAMES instead of detection. */
  format?: string;
  /** A validated mapping file (formats/mapping-file.ts); wins over `format`. */
  mapping?: Mapping;
}

export interface IngestReport {
  ingestId: number;
  fileName: string;
  sha256: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'repeated' | 'failed';
  message: string | null;
  /** calls (file) | dimension (scripts, numbers, customers) | evidence (Voice Insights). */
  kind: 'calls' | 'dimension' | 'evidence';
  /** Source rows; rowsRead = calls + folded, calls = inserted + duplicates + rejected. */
  rowsRead: number;
  calls: number;
  folded: number;
  foldNotes: FoldNote[];
  inserted: number;
  duplicates: number;
  rejected: number;
  rejectsPath: string | null;
  extraColumns: string[];
  /** Answered calls stored without a hang-up party (the source did not say). */
  unknownParty: number;
  sourceTimezone: string | null;
  durationMs: number;
}

export { safeStem } from './safe-stem.ts';

async function sha256Of(path: string, progress: ProgressFn): Promise<string> {
  const h = createHash('sha256');
  const size = statSync(path).size || 1;
  let done = 0;
  for await (const chunk of createReadStream(path)) {
    h.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    progress('hashing', done / size);
  }
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
  return exclusive(() => ingestNow(db, path, opts));
}

/** Runs `work` after every queued write (ingest, delete) and before the next one. */
export function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

async function ingestNow(db: Database, path: string, opts: IngestOptions): Promise<IngestReport> {
  const t0 = Date.now();
  const con = db.writeConnection;
  const fileName = basename(opts.fileName ?? path);
  const progress: ProgressFn = (p, f) => {
    opts.onProgress?.(p, f);
    if (f === undefined || f === 0) opts.onPhase?.(p);
  };
  const [{ id }] = (await (await con.runAndReadAll(sqlText('ingest_next_id'))).getRowObjectsJson()) as { id: number }[];
  const report: IngestReport = {
    ingestId: Number(id), fileName, sha256: '', format: 'unknown', encoding: null, status: 'failed', kind: 'calls',
    message: null, rowsRead: 0, calls: 0, folded: 0, foldNotes: [], inserted: 0, duplicates: 0, rejected: 0,
    rejectsPath: null, extraColumns: [], unknownParty: 0, sourceTimezone: null, durationMs: 0,
  };
  const tmpDir = join(opts.dataDir, 'tmp');
  let tmpFile: string | null = null;
  try {
    report.sha256 = await sha256Of(path, progress);
    const seen = (await (await con.runAndReadAll(sqlText('ingest_seen'), { sha256: report.sha256 })).getRowObjectsJson())[0];
    if (seen) {
      report.status = 'repeated';
      report.message = `already ingested as #${seen.ingestId} (${seen.fileName}, ${seen.loadedAt}); nothing added`;
      return await finish(con, report, t0);
    }
    const sniffed = await sniffFile(path, fileName);
    const sample = sampleOf(sniffed.text, sniffed.format === 'json' ? 'json' : 'csv');
    const detected = chooseFormat(sniffed, sample, opts);
    const plan = detected.kind === 'calls' ? detected.format.plan(sample) : null;
    report.format = plan?.name ?? (detected.kind === 'canonical' ? sniffed.format : detected.kind === 'calls' ? detected.format.name : detected.name);
    report.kind = detected.kind === 'dimension' ? 'dimension' : detected.kind === 'evidence' ? 'evidence' : 'calls';
    report.encoding = sniffed.encoding;
    let readable = path;
    if (sniffed.encoding === 'gb18030') {
      progress('transcoding GB18030');
      mkdirSync(tmpDir, { recursive: true });
      tmpFile = join(tmpDir, `${report.ingestId}-${safeStem(fileName)}.utf8`);
      await gb18030ToUtf8(path, tmpFile, sniffed.gzip);
      readable = tmpFile;
    }
    const zone = opts.timezone ?? plan?.timezone ?? opts.businessTimezone;
    report.sourceTimezone = detected.kind === 'dimension' ? null : zone;
    await con.run(`SET TimeZone = '${tzLiteral(zone)}'`);
    await con.run('BEGIN TRANSACTION');
    try {
      await con.run(sqlText('ingest_prepare'));
      if (detected.kind === 'dimension' || detected.kind === 'evidence') {
        await loadSupplement(con, readable, detected, report, opts, progress);
      } else {
        await loadCalls(con, readable, sniffed, plan, report, opts, progress);
      }
      await rollupsAfterIngest(db, report.ingestId, report.kind); // issue 10 hook: flags + rollups of the dates this file touched
      report.status = 'loaded';
      await finish(con, report, t0);
      await con.run('COMMIT');
    } catch (err) {
      await con.run('ROLLBACK');
      throw err;
    }
    return report;
  } catch (err) {
    report.status = 'failed';
    report.rowsRead = report.calls = report.folded = report.inserted = report.duplicates = report.rejected = report.unknownParty = 0;
    report.foldNotes = [];
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

/** --mapping, then --format, then detection from the first lines (never the file name). */
function chooseFormat(sniffed: Sniffed, sample: ReturnType<typeof sampleOf>, opts: IngestOptions): Detected {
  if (opts.mapping) return { kind: 'calls', format: { name: 'mapping', detect: () => true, plan: (s) => planFromMapping(opts.mapping!, s) } };
  if (opts.format) {
    const named = formatByName(opts.format);
    if (!named) throw new UnreadableFileError(`unknown format "${opts.format}"`);
    return named;
  }
  return sniffed.format === 'parquet' ? { kind: 'canonical' } : detectFormat(sample);
}

/** A CDR file: stage, check, store; every source row ends up counted once. */
async function loadCalls(
  con: DuckDBConnection, path: string, sniffed: Sniffed, plan: FormatPlan | null, report: IngestReport,
  opts: IngestOptions, progress: ProgressFn,
): Promise<void> {
  await withQueryProgress(con, 'reading', progress, async () => {
    if (plan) {
      // Dialer formats stage text into staged_text, typed like JSON lines by ingest_type_text.
      const staged = await stageMapped(con, path, plan);
      await con.run(sqlText('ingest_type_text'));
      report.extraColumns = staged.extras;
      report.foldNotes = staged.notes;
      report.folded = staged.notes.reduce((s, n) => s + n.rows, 0);
    } else {
      report.extraColumns = await stage(con, path, sniffed);
    }
  });
  for (const col of CANONICAL_COLUMNS) await con.run(renderIdentifiers(sqlText('ingest_add_column'), { table: 'staged', col, type: stagingType(col) }));
  const { ipad, opad } = hmacPads(loadCalleeKey(opts.dataDir));
  await withQueryProgress(con, 'checking', progress, async () => {
    await con.run(
      sqlText('ingest_check'),
      { business_tz: opts.businessTimezone, ipad: blobValue(ipad), opad: blobValue(opad) },
      { ipad: BLOB, opad: BLOB },
    );
    await con.run(sqlText('ingest_repeats'));
  });
  const counts = (await (await con.runAndReadAll(sqlText('ingest_counts'))).getRowObjectsJson())[0]!;
  Object.assign(report, {
    calls: Number(counts.rowsRead), rowsRead: Number(counts.rowsRead) + report.folded, inserted: Number(counts.inserted),
    duplicates: Number(counts.duplicates), rejected: Number(counts.rejected),
  });
  await withQueryProgress(con, 'storing', progress, () => con.run(sqlText('ingest_insert'), { ingest_id: report.ingestId, early_seconds: opts.earlySeconds }));
  await con.run(sqlText('ingest_renumber_older'), { ingest_id: report.ingestId });
  await applyDimensionsToIngest(con, report.ingestId);
  const [u] = (await (await con.runAndReadAll(sqlText('ingest_unknown_party'), { ingest_id: report.ingestId })).getRowObjectsJson());
  report.unknownParty = Number(u!.unknown);
  if (report.rejected > 0) report.rejectsPath = await writeRejects(con, opts.dataDir, report.fileName);
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


async function finish(con: DuckDBConnection, r: IngestReport, t0: number): Promise<IngestReport> {
  r.durationMs = Date.now() - t0;
  await con.run(sqlText('ingest_log_add'), {
    ingest_id: r.ingestId, file_name: r.fileName, sha256: r.sha256, format: r.format, encoding: r.encoding,
    status: r.status, message: r.message, rows_read: r.rowsRead, inserted: r.inserted, duplicates: r.duplicates,
    rejected: r.rejected, rejects_path: r.rejectsPath, extra_columns: r.extraColumns.join(', ') || null,
    duration_ms: r.durationMs, folded: r.folded, fold_notes: r.foldNotes.map((n) => `${n.reason}: ${n.rows}`).join('; ') || null,
    source_timezone: r.sourceTimezone, unknown_party: r.unknownParty, kind: r.kind,
  }, { encoding: VARCHAR, message: VARCHAR, rejects_path: VARCHAR, extra_columns: VARCHAR, fold_notes: VARCHAR, source_timezone: VARCHAR });
  return r;
}

function tzLiteral(tz: string): string {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(tz)) throw new UnreadableFileError(`bad timezone "${tz}"`);
  return tz;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}
