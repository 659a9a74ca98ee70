import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { rejectReasonZh } from '../contract/reject-reasons.ts';

/**
 * A copy of a rejects file with its reasons in Chinese, in <dataDir>/tmp (the caller streams it,
 * then removes it). Each distinct reason is translated once (rejectReasonZh); DuckDB reads and
 * writes the file, so a rejects file of any size never sits in memory.
 */
export async function rejectsInChinese(db: Database, dataDir: string, source: string): Promise<string> {
  const dir = join(dataDir, 'tmp');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `rejects-zh-${randomUUID()}.csv`);
  await db.withConnection(async (con) => {
    const rows = await Database.all<{ reason: string }>(con, sqlText('rejects_reasons'), { source });
    const reasons = rows.map((r) => String(r.reason));
    await con.run(
      'CREATE OR REPLACE TEMP TABLE rejects_reason AS SELECT unnest($en) AS en, unnest($zh) AS zh',
      { en: listValue(reasons), zh: listValue(reasons.map(rejectReasonZh)) },
      { en: LIST(VARCHAR), zh: LIST(VARCHAR) },
    );
    try {
      // COPY takes no bound output path: `out` is built here from a random name, never from input.
      await con.run(`COPY (${sqlText('rejects_localized')}) TO '${out.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`, {
        source,
      });
    } finally {
      await con.run('DROP TABLE IF EXISTS rejects_reason');
    }
  });
  return out;
}
