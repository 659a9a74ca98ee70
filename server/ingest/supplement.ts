import { Database } from '../db/database.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { createReadStream } from 'node:fs';
import { sqlText } from '../db/sql-files.ts';
import { loadDimension } from './dimensions.ts';
import { readerLimits } from './integrity.ts';
import type { Detected } from './formats/registry.ts';
import type { IngestOptions, IngestReport } from './ingest-types.ts';
import type { ProgressFn } from './progress.ts';
import type { JsonLayout } from './sniff.ts';
import { writeRejects } from './rejects.ts';
import { part, renderIngestMessage } from './message-parts.ts';

/** Dimension files and Voice Insights: they describe calls rather than add them. */
export async function loadSupplement(
  con: DuckDBConnection,
  path: string,
  detected: Extract<Detected, { kind: 'dimension' | 'evidence' }>,
  layout: JsonLayout,
  report: IngestReport,
  opts: IngestOptions,
  progress: ProgressFn,
): Promise<void> {
  progress('reading', 0);
  if (detected.kind === 'evidence') {
    await con.run(sqlText('format_read_json'), { path, layout });
    await con.run(sqlText('twilio_insights_upsert'), { ingest_id: report.ingestId });
    await con.run(sqlText('twilio_insights_apply'), { ingest_id: report.ingestId, early_seconds: opts.earlySeconds });
    const [{ rows }] = await Database.all<{ rows: number }>(con, 'SELECT count(*)::INTEGER AS rows FROM raw');
    const [{ matched }] = await Database.all<{ matched: number }>(con, sqlText('twilio_insights_matched'), {
      ingest_id: report.ingestId,
    });
    // Summaries are not calls: every row is folded into the call it explains (stored or future).
    Object.assign(report, {
      rowsRead: Number(rows),
      folded: Number(rows),
      foldNotes: [{ reason: 'Voice Insights summaries joined to calls by CallSid', rows: Number(rows) }],
    });
    report.messageParts = [part('insights_applied', { matched: Number(matched) })];
    report.message = renderIngestMessage(report.messageParts);
    return;
  }
  const delim = /\t/.test(await firstLineOf(path)) ? '\t' : ',';
  const { maxLine, buffer } = readerLimits(0);
  const dialect = { path, delim, quote: '"', escape: '"', skip: 0, max_line: maxLine, buffer };
  const header = (await con.runAndReadAll(sqlText('format_header_csv'), dialect)).columnNames();
  await con.run(sqlText('format_read_csv'), { ...dialect, first_line: 2 });
  const r = await loadDimension(con, detected.name, header, report.ingestId, opts.dataDir);
  Object.assign(report, {
    rowsRead: r.rowsRead,
    calls: 0,
    inserted: r.stored,
    duplicates: r.duplicates,
    rejected: r.rejected,
    message: r.message,
    messageParts: r.messageParts,
  });
  if (r.rejected > 0) report.rejectsPath = await writeRejects(con, opts.dataDir, report.fileName, 'dim_rejects');
  report.sourceTimezone = null;
}

async function firstLineOf(path: string): Promise<string> {
  for await (const chunk of createReadStream(path, { end: 64 * 1024 })) return String(chunk).split(/\r?\n/)[0] ?? '';
  return '';
}
