import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { createReadStream, createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { rejectReasonZh } from '../contract/reject-reasons.ts';
import { rejectsDialect, type CsvDialect } from './formats/reject-columns.ts';

const HEAD_BYTES = 256 * 1024;

/**
 * The title lines above a rejects file's header and the file's dialect. A dialer CSV's rejects file
 * keeps the source's dialect and a report title above its header (format_rejects_as_written.sql);
 * its header, ending `line<d><q>reason<q>`, says which line it is and the dialect. Canonical and
 * dimension rejects files start with their header, comma-separated.
 */
async function headOf(source: string): Promise<{ title: string[]; dialect: CsvDialect }> {
  const fh = await open(source, 'r');
  let text: string;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    text = buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
  const lines = text.split('\n').slice(0, 102);
  const plain = { title: [], dialect: { delimiter: ',', quote: '"' } };
  if (/^line,reason,/.test(lines[0] ?? '')) return plain;
  const at = lines.findIndex((l) => rejectsDialect(l).asWritten);
  if (at < 0) return plain;
  const { delimiter, quote } = rejectsDialect(lines[at]!);
  return { title: lines.slice(0, at).map((l) => l.replace(/\r$/, '')), dialect: { delimiter, quote } };
}

/**
 * A copy of a rejects file with its reasons in Chinese, in <dataDir>/tmp (the caller streams it,
 * then removes it). Each distinct reason is translated once (rejectReasonZh); DuckDB reads and
 * writes the file in its own dialect (with the title lines above the header put back), so a
 * dialer CSV's rejects stay the dialer's format, and a rejects file of any size never sits in memory.
 */
export async function rejectsInChinese(db: Database, dataDir: string, source: string): Promise<string> {
  const dir = join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `rejects-zh-${randomUUID()}.csv`);
  const { title, dialect } = await headOf(source);
  const body = title.length ? `${out}.body` : out;
  const read = { source, delim: dialect.delimiter, quote: dialect.quote, skip: title.length };
  await db.withConnection(async (con) => {
    const rows = await Database.all<{ reason: string }>(con, sqlText('rejects_reasons'), read);
    const reasons = rows.map((r) => String(r.reason));
    await con.run(
      'CREATE OR REPLACE TEMP TABLE rejects_reason AS SELECT unnest($en) AS en, unnest($zh) AS zh',
      { en: listValue(reasons), zh: listValue(reasons.map(rejectReasonZh)) },
      { en: LIST(VARCHAR), zh: LIST(VARCHAR) },
    );
    try {
      // COPY takes no bound output path: `body` is built here from a random name, never from input.
      await con.run(
        `COPY (${sqlText('rejects_localized')}) TO '${body.replace(/'/g, "''")}' (HEADER, DELIMITER $delim, QUOTE $quote, ESCAPE $quote)`,
        read,
      );
    } finally {
      await con.run('DROP TABLE IF EXISTS rejects_reason');
    }
  });
  if (body !== out) {
    try {
      const w = createWriteStream(out);
      w.write(title.map((l) => `${l}\n`).join(''));
      await pipeline(createReadStream(body), w);
    } finally {
      rmSync(body, { force: true });
    }
  }
  return out;
}
