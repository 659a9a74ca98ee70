import { BIGINT, BLOB, type DuckDBConnection, LIST, VARCHAR, blobValue, listValue } from '@duckdb/node-api';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Database } from '../db/database.ts';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import { rollupsAfterIngest } from '../db/derived.ts';
import { CANONICAL_COLUMNS, mapHeader, stagingType } from './canonical.ts';
import { hmacPads, loadCalleeKey } from './callee-key.ts';
import { sniffFile, splitHeader, UnreadableFileError, type Sniffed } from './sniff.ts';
import { gb18030ToUtf8 } from './transcode.ts';
import { applyDimensionsToIngest } from './dimensions.ts';
import { writeRejects } from './rejects.ts';
import type { IngestOptions, IngestReport } from './ingest-types.ts';
import { safeStem } from './safe-stem.ts';
import { loadSupplement } from './supplement.ts';
import { planFromMapping } from './formats/mapping-file.ts';
import { detectFormat, formatByName, type Detected } from './formats/registry.ts';
import { sampleOf } from './formats/sample.ts';
import { unknownFormatMessage } from './formats/explain.ts';
import { stageMapped } from './formats/stage-mapped.ts';
import type { FormatPlan } from './formats/types.ts';
import { withQueryProgress, type ProgressFn } from './progress.ts';
import { settleDates } from './dates.ts';
import { MAX_FIELD_BYTES, readerLimits, scanFile, type Scan } from './integrity.ts';
import { decideZone, offsetEvidence, zoneOffsetAtFileStart } from './source-timezone.ts';
import { mirrorOf } from '../clickhouse/hooks.ts';

export type { IngestOptions, IngestReport } from './ingest-types.ts';

export { safeStem } from './safe-stem.ts';

// One writer at a time: DuckDB transactions on the shared write connection must not interleave.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Loads one canonical CDR file in one transaction. Every row read ends in exactly one bucket
 * (inserted, duplicate, rejected); rejects are written to <dataDir>/rejects with their reasons.
 * Files that cannot be read at all come back with status 'failed' and a one-line reason.
 */
export function ingestFile(db: Database, path: string, opts: IngestOptions): Promise<IngestReport> {
  return exclusive(() => ingestNow(db, path, opts).then((r) => mirrorOf(db)?.afterIngest(r) ?? r)); // hook: ClickHouse mirror
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
  const [{ id }] = await Database.all<{ id: number }>(con, sqlText('ingest_next_id'));
  const report: IngestReport = {
    ingestId: Number(id),
    fileName,
    sha256: '',
    format: 'unknown',
    encoding: null,
    status: 'failed',
    kind: 'calls',
    message: null,
    rowsRead: 0,
    calls: 0,
    folded: 0,
    foldNotes: [],
    inserted: 0,
    duplicates: 0,
    rejected: 0,
    inbound: 0,
    rejectsPath: null,
    extraColumns: [],
    unknownParty: 0,
    sourceTimezone: null,
    timezoneInferred: false,
    durationMs: 0,
  };
  const tmpDir = join(opts.dataDir, 'tmp');
  let tmpFile: string | null = null;
  try {
    const scan = await scanFile(path, progress, opts.maxFieldBytes ?? MAX_FIELD_BYTES);
    report.sha256 = scan.sha256;
    const seen = await Database.one(con, sqlText('ingest_seen'), { sha256: report.sha256 });
    if (seen) {
      report.status = 'repeated';
      report.message = `already ingested as #${seen.ingestId} (${seen.fileName}, ${seen.loadedAt}); nothing added`;
      return await finish(con, report, t0);
    }
    const sniffed = await sniffFile(path, fileName);
    const sample = sampleOf(sniffed.text, sniffed.format === 'json' ? 'json' : 'csv');
    const detected = chooseFormat(sniffed, sample, opts, fileName);
    const planned = detected.kind === 'calls' ? detected.format.plan(sample) : null;
    const plan = planned && opts.dateFormat ? { ...planned, dateFormat: opts.dateFormat } : planned;
    report.format =
      plan?.name ??
      (detected.kind === 'canonical'
        ? sniffed.format
        : detected.kind === 'calls'
          ? detected.format.name
          : detected.name);
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
        await loadCalls(con, readable, sniffed, plan, report, opts, progress, scan);
      }
      await rollupsAfterIngest(db, report.ingestId, report.kind); // hook: flags + rollups of the dates this file touched
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
    report.rowsRead =
      report.calls =
      report.folded =
      report.inserted =
      report.duplicates =
      report.rejected =
      report.unknownParty =
      report.inbound =
        0;
    report.foldNotes = [];
    report.rejectsPath = null;
    report.message =
      err instanceof UnreadableFileError || err instanceof MissingColumnsError
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
function chooseFormat(
  sniffed: Sniffed,
  sample: ReturnType<typeof sampleOf>,
  opts: IngestOptions,
  fileName: string,
): Detected {
  if (opts.mapping)
    return {
      kind: 'calls',
      format: { name: 'mapping', detect: () => true, plan: (s) => planFromMapping(opts.mapping!, s) },
    };
  if (opts.format) {
    const named = formatByName(opts.format);
    if (!named) throw new UnreadableFileError(`unknown format "${opts.format}"`);
    return named;
  }
  if (sniffed.format === 'parquet') return { kind: 'canonical' };
  const detected = detectFormat(sample);
  // Canonical is detection's fallback: a CSV that is not canonical either matched nothing.
  if (detected.kind === 'canonical' && sniffed.format === 'csv') {
    const { names } = splitHeader(sniffed.firstLine);
    if (mapHeader(names).missing.length) throw new UnreadableFileError(unknownFormatMessage(sample, names, fileName));
  }
  return detected;
}

/** A CDR file: stage, check, store; every source row ends up counted once. */
async function loadCalls(
  con: DuckDBConnection,
  path: string,
  sniffed: Sniffed,
  plan: FormatPlan | null,
  report: IngestReport,
  opts: IngestOptions,
  progress: ProgressFn,
  scan: Scan,
): Promise<void> {
  const limits = readerLimits(scan.longest);
  const oversized = async (table: 'staged' | 'mapped', reason: 'parse_error' | 'reject') => {
    if (!scan.longLines.length) return;
    await con.run(
      renderIdentifiers(sqlText('ingest_oversized'), { table, reason }),
      {
        lines: listValue(scan.longLines.map((l) => BigInt(l.line))),
        sizes: listValue(scan.longLines.map((l) => BigInt(l.bytes))),
        limit: opts.maxFieldBytes ?? MAX_FIELD_BYTES,
      },
      { lines: LIST(BIGINT), sizes: LIST(BIGINT) },
    );
  };
  await withQueryProgress(con, 'reading', progress, async () => {
    if (plan) {
      // Dialer formats stage text into staged_text, typed like JSON lines by ingest_type_text.
      const staged = await stageMapped(con, path, plan, limits, () => oversized('mapped', 'reject'));
      await con.run(sqlText('ingest_type_text'));
      report.extraColumns = staged.extras;
      report.foldNotes = staged.notes;
      report.folded = staged.notes.reduce((s, n) => s + n.rows, 0);
    } else {
      report.extraColumns = await stage(con, path, sniffed, limits);
      await oversized('staged', 'parse_error');
    }
  });
  for (const col of CANONICAL_COLUMNS)
    await con.run(renderIdentifiers(sqlText('ingest_add_column'), { table: 'staged', col, type: stagingType(col) }));
  // Dialer formats settled their dates on `mapped` before folding (stage-mapped.ts).
  if (!plan) await settleDates(con, 'staged', opts.dateFormat);
  await settleTimezone(con, plan, report, opts);
  const { ipad, opad } = hmacPads(loadCalleeKey(opts.dataDir));
  await withQueryProgress(con, 'checking', progress, async () => {
    await con.run(
      sqlText('ingest_check'),
      { business_tz: opts.businessTimezone, ipad: blobValue(ipad), opad: blobValue(opad) },
      { ipad: BLOB, opad: BLOB },
    );
    await con.run(sqlText('ingest_repeats'));
  });
  const counts = (await Database.all(con, sqlText('ingest_counts')))[0]!;
  Object.assign(report, {
    calls: Number(counts.rowsRead),
    rowsRead: Number(counts.rowsRead) + report.folded,
    inserted: Number(counts.inserted),
    duplicates: Number(counts.duplicates),
    rejected: Number(counts.rejected),
    inbound: Number(counts.inbound),
  });
  await withQueryProgress(con, 'storing', progress, () =>
    con.run(sqlText('ingest_insert'), { ingest_id: report.ingestId, early_seconds: opts.earlySeconds }),
  );
  await con.run(sqlText('call_files_add'), { ingest_id: report.ingestId }); // hook: which files hold which calls
  await con.run(sqlText('ingest_renumber_older'), { ingest_id: report.ingestId });
  await applyDimensionsToIngest(con, report.ingestId);
  const [u] = await Database.all(con, sqlText('ingest_unknown_party'), { ingest_id: report.ingestId });
  report.unknownParty = Number(u!.unknown);
  if (report.rejected > 0) report.rejectsPath = await writeRejects(con, opts.dataDir, report.fileName);
}

/**
 * Reads the file's own word on its UTC offset before naive times are cast:
 * without a zone from the user, a file that agrees with itself is read in its offset.
 */
async function settleTimezone(
  con: DuckDBConnection,
  plan: FormatPlan | null,
  report: IngestReport,
  opts: IngestOptions,
): Promise<void> {
  const given = opts.timezone ?? plan?.timezone ?? null;
  const evidence = await offsetEvidence(con, plan !== null);
  const givenOffset = given && evidence ? await zoneOffsetAtFileStart(con, given) : null;
  const what = plan ? 'the epochs in the file (Asterisk uniqueid)' : 'the offsets written in started_at';
  const d = decideZone(evidence, given, givenOffset, opts.businessTimezone, what);
  if (d.setZone) await con.run(`SET TimeZone = '${tzLiteral(d.setZone)}'`);
  report.sourceTimezone = d.sourceTimezone;
  report.timezoneInferred = d.inferred;
  if (d.note) report.message = report.message ? `${report.message}; ${d.note}` : d.note;
}

class MissingColumnsError extends Error {}

/** Fills the `staged` table from the file; returns the extra (non-canonical) columns. */
async function stage(
  con: DuckDBConnection,
  path: string,
  sniffed: Sniffed,
  limits: { maxLine: number; buffer: number },
): Promise<string[]> {
  if (sniffed.format === 'csv') {
    const { delimiter, names: header } = splitHeader(sniffed.firstLine);
    const { names, extras, missing } = mapHeader(header);
    if (missing.length)
      throw new MissingColumnsError(
        `missing required column ${missing.join(', ')} (header: ${header.join(', ').slice(0, 200)})`,
      );
    if (sniffed.complete && sniffed.text.slice(sniffed.text.indexOf('\n') + 1).trim() === '') {
      await con.run(sqlText('ingest_stage_empty'));
      return extras;
    }
    await con.run(
      sqlText('ingest_stage_csv'),
      {
        path,
        names: listValue(names),
        types: listValue(names.map(stagingType)),
        delim: delimiter,
        max_line: limits.maxLine,
        buffer: limits.buffer,
      },
      { names: LIST(VARCHAR), types: LIST(VARCHAR) },
    );
    const [rej] = await Database.all<{ n: number }>(con, 'SELECT count(*)::INTEGER AS n FROM ingest_reject_errors');
    if (Number(rej!.n) > 0) await con.run(sqlText('ingest_stage_csv_rejects'));
    return extras;
  }
  if (sniffed.format === 'json') {
    const keys = (await Database.all(con, sqlText('ingest_json_keys'), { path })).map((r) => String(r.key));
    const { extras, missing } = mapHeader(keys);
    if (missing.length)
      throw new MissingColumnsError(`missing required field ${missing.join(', ')} in every JSON line`);
    await con.run(sqlText('ingest_stage_json'), { path });
    await con.run(sqlText('ingest_type_text'));
    return extras;
  }
  const header = (await con.runAndReadAll(sqlText('ingest_header_parquet'), { path })).columnNames();
  const canonical = new Set<string>(CANONICAL_COLUMNS);
  const { missing } = mapHeader(header.filter((h) => canonical.has(h)));
  if (missing.length)
    throw new MissingColumnsError(
      `missing required column ${missing.join(', ')} (Parquet column names must be canonical)`,
    );
  await con.run(sqlText('ingest_stage_parquet'), { path });
  for (const col of CANONICAL_COLUMNS)
    await con.run(renderIdentifiers(sqlText('ingest_add_column'), { table: 'staged_text', col, type: 'varchar' }));
  await con.run(sqlText('ingest_type_text'));
  return header.filter((h) => !canonical.has(h));
}

async function finish(con: DuckDBConnection, r: IngestReport, t0: number): Promise<IngestReport> {
  r.durationMs = Date.now() - t0;
  await con.run(
    sqlText('ingest_log_add'),
    {
      ingest_id: r.ingestId,
      file_name: r.fileName,
      sha256: r.sha256,
      format: r.format,
      encoding: r.encoding,
      status: r.status,
      message: r.message,
      rows_read: r.rowsRead,
      inserted: r.inserted,
      duplicates: r.duplicates,
      rejected: r.rejected,
      rejects_path: r.rejectsPath,
      extra_columns: r.extraColumns.join(', ') || null,
      duration_ms: r.durationMs,
      folded: r.folded,
      fold_notes: r.foldNotes.map((n) => `${n.reason}: ${n.rows}`).join('; ') || null,
      source_timezone: r.sourceTimezone,
      unknown_party: r.unknownParty,
      kind: r.kind,
      inbound: r.inbound,
      timezone_inferred: r.timezoneInferred,
    },
    {
      encoding: VARCHAR,
      message: VARCHAR,
      rejects_path: VARCHAR,
      extra_columns: VARCHAR,
      fold_notes: VARCHAR,
      source_timezone: VARCHAR,
    },
  );
  return r;
}

function tzLiteral(tz: string): string {
  if (!/^[A-Za-z0-9_+\-/:]+$/.test(tz)) throw new UnreadableFileError(`bad timezone "${tz}"`);
  return tz;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}
