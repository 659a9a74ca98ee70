import { BIGINT, BLOB, type DuckDBConnection, LIST, blobValue, listValue } from '@duckdb/node-api';
import { Database } from '../db/database.ts';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import { hmacPads, loadCalleeKey } from './callee-key.ts';
import { settleDates } from './dates.ts';
import { applyDimensionsToIngest } from './dimensions.ts';
import { stageMapped } from './formats/stage-mapped.ts';
import type { FormatPlan } from './formats/types.ts';
import type { IngestOptions, IngestReport } from './ingest-types.ts';
import { MAX_FIELD_BYTES, readerLimits, type Scan } from './integrity.ts';
import { withQueryProgress, type ProgressFn } from './progress.ts';
import { renderIngestMessage, type MessagePart } from './message-parts.ts';
import { writeRejects, writeRejectsAsWritten } from './rejects.ts';
import { sourceLayout, type SourceLayout } from './formats/source-layout.ts';
import { jsonLayout, type Sniffed } from './sniff.ts';
import {
  decideZone,
  evidenceOf,
  firstStart,
  epochEvidence,
  zoneOffsetAt,
  type OffsetEvidence,
} from './source-timezone.ts';
import { clearScratch, openCsv, readerRejects, stageTextFile, type StagedAs } from './staging.ts';
import { tzLiteral } from './tz-literal.ts';

interface Counts {
  rowsRead: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  inbound: number;
  repeats: number;
}

/**
 * A CDR file: read, check, store; every source row ends up counted once (inserted, duplicate,
 * rejected, inbound). A canonical CSV goes straight from the reader into `calls` when every row
 * passes (the direct path: the file is read a few times, never copied); a file with rejects,
 * duplicates or dates to rewrite, and every other format, is staged in scratch tables first so
 * each row can be bucketed and the rejects written.
 */
export async function loadCalls(
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
  const ctx: Ctx = { con, report, opts, progress, layout: null };
  let zoneSettled = false;
  let datesNote: MessagePart | null = null;
  let csv: { extras: string[]; empty: boolean } | null = null;
  if (!plan && sniffed.format === 'csv') {
    csv = await openCsv(con, path, sniffed, limits);
    report.extraColumns = csv.extras;
    // Lines over the field limit and a user dateFormat rewrite rows in place: scratch copy.
    if (!csv.empty && !opts.dateFormat && scan.longLines.length === 0) {
      await con.run(sqlText('ingest_stage_csv_view'));
      const survey = await withQueryProgress(con, 'reading', progress, () => surveyFile(con));
      // d/m/yyyy dates are rewritten in place before the check: that needs the scratch copy.
      if (survey.dated > 0) {
        await clearScratch(con);
        csv = await openCsv(con, path, sniffed, limits);
      } else {
        await settleTimezone(con, null, report, opts, survey);
        zoneSettled = true;
        if (await loadDirect(ctx)) return;
        // Something to reject or bucket: the scratch copy after all (the zone stays as settled).
        await clearScratch(con);
        csv = await openCsv(con, path, sniffed, limits);
      }
    }
  }
  await withQueryProgress(con, 'reading', progress, async () => {
    if (plan) {
      // Dialer formats stage text into staged_text, typed like JSON lines by ingest_type_text.
      const staged = await stageMapped(
        con,
        path,
        { ...plan, dateOrder: opts.dateOrder }, // the order given settles the mapped dates (dates.ts)
        limits,
        () => oversized(con, scan, opts, 'mapped', 'reject'),
        jsonLayout(sniffed),
      );
      await con.run(sqlText('ingest_type_text'));
      // A dialer CSV's rejects go back as the source wrote them; a JSON one's as canonical columns.
      ctx.layout = sourceLayout(plan, staged.header, sniffed.text);
      report.extraColumns = staged.extras;
      report.foldNotes = staged.notes;
      datesNote = staged.dates;
      report.folded = staged.notes.reduce((s, n) => s + n.rows, 0);
    } else if (csv) {
      await con.run(sqlText(csv.empty ? 'ingest_stage_empty' : 'ingest_stage_csv'));
      if (!csv.empty && (await readerRejects(con)) > 0) await con.run(sqlText('ingest_stage_csv_rejects'));
      await oversized(con, scan, opts, 'staged', 'parse_error');
    } else {
      report.extraColumns = await stageTextFile(con, path, sniffed);
      await oversized(con, scan, opts, 'staged', 'parse_error');
    }
  });
  // Dialer formats settled their dates on `mapped` before folding (stage-mapped.ts).
  if (!plan) datesNote = await settleDates(con, 'staged', opts.dateFormat, opts.dateOrder);
  // The order given that read the file's dates: said in the report and the history (before the zone's note).
  if (datesNote) {
    report.messageParts.push(datesNote);
    report.message = renderIngestMessage(report.messageParts);
  }
  if (!zoneSettled) await settleTimezone(con, plan, report, opts);
  let counts = await withQueryProgress(con, 'checking', progress, () => check(ctx, 'table'));
  if (counts.repeats > 0) {
    await con.run(sqlText('ingest_repeats'));
    counts = await countBuckets(con);
  }
  setCounts(report, counts);
  await withQueryProgress(con, 'storing', progress, () =>
    con.run(sqlText('ingest_insert'), { ingest_id: report.ingestId, early_seconds: opts.earlySeconds }),
  );
  await con.run(sqlText('call_files_add'), { ingest_id: report.ingestId }); // hook: which files hold which calls
  await afterInsert(ctx);
}

/** What every step of one file's load needs. */
interface Ctx {
  con: DuckDBConnection;
  report: IngestReport;
  opts: IngestOptions;
  progress: ProgressFn;
  /** A dialer CSV's columns and dialect, for its rejects file (null: canonical columns). */
  layout: SourceLayout | null;
}

/** What the direct path reads before judging (ingest_survey.sql): d/m/yyyy times, the file's offset. */
interface Survey {
  dated: number;
  evidence: OffsetEvidence | null;
  firstStart: string | null;
}

/** One read of the file (the `staged` view) for its d/m/yyyy times and its word on its UTC offset. */
async function surveyFile(con: DuckDBConnection): Promise<Survey> {
  const [r] = await Database.all<Record<string, unknown>>(con, sqlText('ingest_survey'));
  return {
    dated: Number(r?.dated ?? 0),
    evidence: evidenceOf(r),
    firstStart: (r?.firstStart as string | null) ?? null,
  };
}

/**
 * The direct path: `checked` is a view over the reader, judged and counted in one scan (its keys
 * kept in file_keys); when every row is a new call (no reject, repeat, stored duplicate or
 * inbound call, no line the reader refused) the file is read once more straight into `calls`.
 * Returns false, having stored nothing, otherwise.
 */
async function loadDirect(ctx: Ctx): Promise<boolean> {
  const { con, report, opts, progress } = ctx;
  const counts = await withQueryProgress(con, 'checking', progress, () => check(ctx, 'view'));
  const clean = counts.inserted === counts.rowsRead && counts.repeats === 0 && (await readerRejects(con)) === 0;
  if (!clean) return false;
  setCounts(report, counts);
  const stored = await withQueryProgress(con, 'storing', progress, () =>
    con.run(sqlText('ingest_insert'), { ingest_id: report.ingestId, early_seconds: opts.earlySeconds }),
  );
  // The file is read again to insert: bytes that changed since they were counted fail the file.
  if (stored.rowsChanged !== counts.inserted || (await readerRejects(con)) > 0)
    throw new Error(`the file changed while it was read (${counts.inserted} rows counted, ${stored.rowsChanged} read)`);
  await con.run(sqlText('call_files_add'), { ingest_id: report.ingestId }); // hook: which files hold which calls
  await afterInsert(ctx);
  return true;
}

/**
 * `checked` from `staged`: every row judged and bucketed, the callee phone hashed in SQL; its
 * narrow keys in file_keys (one scan of the file on the direct path), and the bucket counts.
 */
async function check({ con, opts }: Ctx, relation: StagedAs): Promise<Counts> {
  const { ipad, opad } = hmacPads(loadCalleeKey(opts.dataDir));
  await con.run(
    sqlText('ingest_check_args'),
    { business_tz: opts.businessTimezone, ipad: blobValue(ipad), opad: blobValue(opad) },
    { ipad: BLOB, opad: BLOB },
  );
  await con.run(renderIdentifiers(sqlText('ingest_check'), { relation }));
  await con.run(sqlText('ingest_keys'));
  return countBuckets(con);
}

async function countBuckets(con: DuckDBConnection): Promise<Counts> {
  const [c] = await Database.all<Record<keyof Counts, number>>(con, sqlText('ingest_counts'));
  return {
    rowsRead: Number(c!.rowsRead),
    inserted: Number(c!.inserted),
    duplicates: Number(c!.duplicates),
    rejected: Number(c!.rejected),
    inbound: Number(c!.inbound),
    repeats: Number(c!.repeats),
  };
}

function setCounts(report: IngestReport, c: Counts): void {
  Object.assign(report, {
    calls: c.rowsRead,
    rowsRead: c.rowsRead + report.folded,
    inserted: c.inserted,
    duplicates: c.duplicates,
    rejected: c.rejected,
    inbound: c.inbound,
  });
}

/** After the file's calls are stored: nth_call_30d of shared callees, dimensions, the report's counts, rejects. */
async function afterInsert({ con, report, opts, layout }: Ctx): Promise<void> {
  await con.run(sqlText('ingest_renumber'), { ingest_id: report.ingestId });
  await applyDimensionsToIngest(con, report.ingestId);
  const [u] = await Database.all(con, sqlText('ingest_unknown_party'), { ingest_id: report.ingestId });
  report.unknownParty = Number(u!.unknown);
  if (report.rejected > 0)
    report.rejectsPath = layout
      ? await writeRejectsAsWritten(con, opts.dataDir, report.fileName, layout)
      : await writeRejects(con, opts.dataDir, report.fileName);
}

/** Refuses the rows on lines holding a value over the field limit (found while hashing, integrity.ts). */
async function oversized(
  con: DuckDBConnection,
  scan: Scan,
  opts: IngestOptions,
  table: 'staged' | 'mapped',
  reason: 'parse_error' | 'reject',
): Promise<void> {
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
  survey?: Survey,
): Promise<void> {
  const given = opts.timezone ?? plan?.timezone ?? null;
  // A dialer format's word is its epochs (Asterisk uniqueid); without them, the offsets its times
  // are written with (Amazon Connect, Twilio), as a canonical file's: else a file of UTC times
  // was reported as read in the business timezone.
  const epochs = plan ? await epochEvidence(con) : null;
  const read = epochs ? null : (survey ?? (await surveyFile(con)));
  const evidence = epochs ?? read?.evidence ?? null;
  const givenOffset =
    given && evidence ? await zoneOffsetAt(con, given, read ? read.firstStart : await firstStart(con)) : null;
  const d = decideZone(evidence, given, givenOffset, opts.businessTimezone, epochs ? 'epochs' : 'offsets');
  if (d.setZone) await con.run(`SET TimeZone = '${tzLiteral(d.setZone)}'`);
  report.sourceTimezone = d.sourceTimezone;
  report.timezoneInferred = d.inferred;
  if (d.part) {
    report.messageParts.push(d.part);
    report.message = renderIngestMessage(report.messageParts);
  }
}
