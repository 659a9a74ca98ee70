import { BOOLEAN, type DuckDBConnection, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sqlText } from '../db/sql-files.ts';
import type { SourceLayout } from './formats/source-layout.ts';
import { safeStem } from './safe-stem.ts';

/**
 * <dataDir>/rejects/<stem>.<time>.csv (or .tsv for a TAB-separated source, so the download opens
 * as what it is): built here from a sanitised stem, never from raw input.
 */
function rejectsFile(dataDir: string, fileName: string, ext: 'csv' | 'tsv' = 'csv'): string {
  const dir = join(dataDir, 'rejects');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return join(dir, `${safeStem(fileName)}.${stamp}.${ext}`);
}

/** COPY takes no bound path: a path rejectsFile() built, quoted. */
const literal = (path: string) => `'${path.replace(/'/g, "''")}'`;

/** Writes the refused rows of the current file (query: ingest_rejects or dim_rejects) to <dataDir>/rejects. */
export async function writeRejects(
  con: DuckDBConnection,
  dataDir: string,
  fileName: string,
  query = 'ingest_rejects',
): Promise<string> {
  const out = rejectsFile(dataDir, fileName);
  await con.run(`COPY (${sqlText(query)}) TO ${literal(out)} (HEADER, DELIMITER ',')`);
  return out;
}

/**
 * Writes the refused calls of a dialer CSV to <dataDir>/rejects as the source wrote them
 * (format_rejects_as_written.sql): its header, its rows with their text, in its dialect, then
 * `line` and `reason`, so a data team fixes the values and drops the file in again as the same
 * format. The query makes every line itself; COPY writes them unquoted.
 */
export async function writeRejectsAsWritten(
  con: DuckDBConnection,
  dataDir: string,
  fileName: string,
  layout: SourceLayout,
): Promise<string> {
  const out = rejectsFile(dataDir, fileName, layout.delimiter === '\t' ? 'tsv' : 'csv');
  await con.run(
    `COPY (${sqlText('format_rejects_as_written')}) TO ${literal(out)} (HEADER false, QUOTE '', ESCAPE '')`,
    {
      title: listValue(layout.title),
      names: listValue(layout.names),
      keyed: listValue(layout.keyed),
      delim: layout.delimiter,
      quote: layout.quote,
    },
    { title: LIST(VARCHAR), names: LIST(VARCHAR), keyed: LIST(BOOLEAN) },
  );
  return out;
}
