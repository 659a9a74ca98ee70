import { type DuckDBConnection, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { CANONICAL_COLUMNS, mapHeader, stagingShapesSql } from './canonical.ts';
import { splitHeader, UnreadableFileError, type Sniffed } from './sniff.ts';
import { part, renderPart, type MessagePart } from './message-parts.ts';
import { firstLineShown } from './formats/explain.ts';

/** A canonical file without a required column: its message is the user's answer. */
export class MissingColumnsError extends Error {
  /** The reason keyed for translation (message-parts.ts); `message` is its English text. */
  constructor(readonly part: MessagePart) {
    super(renderPart(part));
  }
}

/** How `staged` holds a canonical CSV: a scratch copy, or a view that reads the file again. */
export type StagedAs = 'table' | 'view';

const SCRATCH_KINDS = new Set(['TABLE', 'VIEW']);

/**
 * Drops the scratch relations of the last file on the write connection (the staged copy of a
 * large file holds memory until dropped), and the reader's rejects of the last scan. Declares the
 * staging shapes the next file's staging is taken with (canonical.ts stagingShapesSql).
 */
export async function clearScratch(con: DuckDBConnection): Promise<void> {
  for (const r of await Database.all<{ name: string; kind: string }>(con, sqlText('ingest_scratch'))) {
    if (SCRATCH_KINDS.has(r.kind) && /^[a-z_]+$/.test(r.name)) await con.run(`DROP ${r.kind} IF EXISTS ${r.name}`);
  }
  await con.run(sqlText('ingest_prepare'));
  await con.run(stagingShapesSql());
}

/** Reader rejects of every scan of the file so far (lines the CSV reader could not split or cast). */
export async function readerRejects(con: DuckDBConnection): Promise<number> {
  const [r] = await Database.all<{ n: number }>(con, sqlText('ingest_reader_rejects'));
  return Number(r?.n ?? 0);
}

/**
 * Points csv_file() at a canonical CSV (header mapped to canonical names, extras kept as
 * extra_N); returns the extra columns, or null for a file with a header and no row.
 */
export async function openCsv(
  con: DuckDBConnection,
  path: string,
  sniffed: Sniffed,
  limits: { maxLine: number; buffer: number },
): Promise<{ extras: string[]; empty: boolean }> {
  const { delimiter, names: header } = splitHeader(sniffed.firstLine);
  const { names, extras, missing } = mapHeader(header);
  if (missing.length)
    throw new MissingColumnsError(
      // A first line that is a record (no header) is quoted by its shape: its values are customers'.
      part('missing_column', { columns: missing.join(', '), header: firstLineShown(header).join(', ').slice(0, 200) }),
    );
  if (sniffed.complete && sniffed.text.slice(sniffed.text.indexOf('\n') + 1).trim() === '')
    return { extras, empty: true };
  await con.run(
    sqlText('ingest_csv_reader'),
    {
      path,
      names: listValue(names),
      types: listValue(names.map(() => 'VARCHAR')),
      delim: delimiter,
      max_line: limits.maxLine,
      buffer: limits.buffer,
    },
    { names: LIST(VARCHAR), types: LIST(VARCHAR) },
  );
  await con.run(sqlText('ingest_csv_file'));
  return { extras, empty: false };
}

/** Fills the `staged` table from a JSON-lines or Parquet file; returns the extra (non-canonical) columns. */
export async function stageTextFile(con: DuckDBConnection, path: string, sniffed: Sniffed): Promise<string[]> {
  if (sniffed.format === 'json') {
    // Canonical JSON is read line by line (a bad line is rejected alone): an array has no lines.
    if (sniffed.jsonArray) throw new UnreadableFileError(part('json_array'));
    const keys = (await Database.all(con, sqlText('ingest_json_keys'), { path })).map((r) => String(r.key));
    const { extras, missing } = mapHeader(keys);
    if (missing.length) throw new MissingColumnsError(part('missing_json_field', { columns: missing.join(', ') }));
    await con.run(sqlText('ingest_stage_json'), { path });
    await con.run(sqlText('ingest_type_text'));
    return extras;
  }
  const header = (await con.runAndReadAll(sqlText('ingest_header_parquet'), { path })).columnNames();
  const canonical = new Set<string>(CANONICAL_COLUMNS);
  const { missing } = mapHeader(header.filter((h) => canonical.has(h)));
  if (missing.length) throw new MissingColumnsError(part('missing_parquet_column', { columns: missing.join(', ') }));
  await con.run(sqlText('ingest_stage_parquet'), { path });
  await con.run(sqlText('ingest_type_text'));
  return header.filter((h) => !canonical.has(h));
}
