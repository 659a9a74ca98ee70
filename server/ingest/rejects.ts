import type { DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { sqlText } from '../db/sql-files.ts';
import { safeStem } from './safe-stem.ts';

/** Writes the refused rows of the current file (query: ingest_rejects or dim_rejects) to <dataDir>/rejects. */
export async function writeRejects(
  con: DuckDBConnection,
  dataDir: string,
  fileName: string,
  query = 'ingest_rejects',
): Promise<string> {
  const dir = join(dataDir, 'rejects');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = join(dir, `${safeStem(fileName)}.${stamp}.csv`);
  // COPY takes no bound path; `out` is built here from a sanitised stem, never from raw input.
  await con.run(`COPY (${sqlText(query)}) TO '${out.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
  return out;
}
