import { type DuckDBConnection, VARCHAR } from '@duckdb/node-api';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { rollupsAfterIngest } from '../db/derived.ts';
import { mapHeader } from './canonical.ts';
import { jsonLayout, sniffFile, splitHeader, UnreadableFileError, type Sniffed } from './sniff.ts';
import { gb18030ToUtf8 } from './transcode.ts';
import type { IngestOptions, IngestReport } from './ingest-types.ts';
import { safeStem } from './safe-stem.ts';
import { loadSupplement } from './supplement.ts';
import { planFromMapping } from './formats/mapping-file.ts';
import { detectFormat, formatByName, type Detected } from './formats/registry.ts';
import { sampleOf } from './formats/sample.ts';
import { unknownFormat } from './formats/explain.ts';
import { part, partsJson, renderIngestMessage } from './message-parts.ts';
import type { ProgressFn } from './progress.ts';
import { MAX_FIELD_BYTES, scanFile } from './integrity.ts';
import { loadCalls } from './load-calls.ts';
import { clearScratch, MissingColumnsError } from './staging.ts';
import { tzLiteral } from './tz-literal.ts';
import { mirrorOf } from '../clickhouse/hooks.ts';
import { errorShape } from '../contract/error-shape.ts';

export type { IngestOptions, IngestReport } from './ingest-types.ts';

export { safeStem } from './safe-stem.ts';

/**
 * Loads one file (CDRs in the canonical schema or a known dialer export, a dimension file, or
 * Voice Insights summaries) in one transaction, queued behind every other write. Every row read
 * ends in exactly one bucket (inserted, duplicate, rejected, inbound); rejects are written to
 * <dataDir>/rejects with their reasons. Files that cannot be read at all come back with status
 * 'failed' and a one-line reason.
 */
export function ingestFile(db: Database, path: string, opts: IngestOptions): Promise<IngestReport> {
  return db.exclusive(() => ingestNow(db, path, opts).then((r) => mirrorOf(db)?.afterIngest(r) ?? r)); // hook: ClickHouse mirror
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
    messageParts: [],
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
      report.messageParts = [
        part('repeated', { id: Number(seen.ingestId), file: String(seen.fileName), at: String(seen.loadedAt) }),
      ];
      report.message = renderIngestMessage(report.messageParts);
      return await finish(con, report, t0);
    }
    const sniffed = await sniffFile(path, fileName);
    const sample = sampleOf(sniffed.text, sniffed.format === 'json' ? 'json' : 'csv');
    const detected = chooseFormat(sniffed, sample, opts, fileName);
    const planned = detected.kind === 'calls' ? detected.format.plan(sample) : null;
    const plan = planned && opts.dateFormat ? { ...planned, dateFormat: opts.dateFormat } : planned;
    // The format's name (the dictionary's `format` labels, server/contract/labels.ts), never the
    // reader's kind: a canonical file is `canonical` whether it is CSV, JSON lines or Parquet
    // (ingests before this stored `csv`, `json` or `parquet`).
    report.format =
      plan?.name ??
      (detected.kind === 'canonical' ? 'canonical' : detected.kind === 'calls' ? detected.format.name : detected.name);
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
    await db.transaction(async () => {
      await clearScratch(con);
      if (detected.kind === 'dimension' || detected.kind === 'evidence') {
        await loadSupplement(con, readable, detected, jsonLayout(sniffed), report, opts, progress);
      } else {
        await loadCalls(con, readable, sniffed, plan, report, opts, progress, scan);
      }
      await rollupsAfterIngest(db, report.ingestId, report.kind); // hook: flags + rollups of the dates this file touched
      report.status = 'loaded';
      await finish(con, report, t0);
    });
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
    if (err instanceof UnreadableFileError || err instanceof MissingColumnsError) {
      report.message = err.message;
      report.messageParts = [err.part];
    } else {
      // Not the file's fault as far as we know: the whole error goes to the log for whoever runs the server.
      console.error(`ingest #${report.ingestId} ${fileName}: unexpected error`, err);
      report.messageParts = [part('could_not_read', { error: firstLine(err) })];
      report.message = renderIngestMessage(report.messageParts);
    }
    return await finish(con, report, t0);
  } finally {
    db.markWritten();
    await clearScratch(con).catch(() => undefined);
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
    if (!named) throw new UnreadableFileError(part('unknown_format_name', { format: opts.format }));
    return named;
  }
  if (sniffed.format === 'parquet') return { kind: 'canonical' };
  const detected = detectFormat(sample);
  // Canonical is detection's fallback: a CSV that is not canonical either matched nothing.
  if (detected.kind === 'canonical' && sniffed.format === 'csv') {
    const { names } = splitHeader(sniffed.firstLine);
    if (mapHeader(names).missing.length) {
      throw new UnreadableFileError(unknownFormat(sample, names, fileName));
    }
  }
  return detected;
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
      message_parts: partsJson(r.messageParts),
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
      message_parts: VARCHAR,
      rejects_path: VARCHAR,
      extra_columns: VARCHAR,
      fold_notes: VARCHAR,
      source_timezone: VARCHAR,
    },
  );
  return r;
}

/** The error's first line for the history every viewer reads: a value it quotes from the file by its shape. */
function firstLine(err: unknown): string {
  return errorShape((err instanceof Error ? err.message : String(err)).split('\n')[0]!).slice(0, 300);
}
