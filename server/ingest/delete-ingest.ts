import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { rollupsAfterDelete } from '../db/derived.ts';
import { exclusive } from './ingest-file.ts';

export type DeleteOutcome =
  | { ok: true; deleted: number }
  | { ok: false; status: 404 | 409; error: string };

/** Removes the calls one loaded file brought, in one transaction, queued with ingests. */
export function deleteIngest(db: Database, ingestId: number): Promise<DeleteOutcome> {
  return exclusive(async () => {
    const [row] = await db.query<{ status: string; kind: string; inserted: number }>(sqlText('ingest_get'), { ingest_id: ingestId });
    if (!row) return { ok: false, status: 404, error: `no ingest #${ingestId}` };
    if (row.kind !== 'calls') return { ok: false, status: 409, error: `ingest #${ingestId} is a ${row.kind} file; only call files can be deleted` };
    if (row.status !== 'loaded') return { ok: false, status: 409, error: `ingest #${ingestId} is ${row.status}: no calls to delete` };
    const con = db.writeConnection;
    await con.run('BEGIN TRANSACTION');
    try {
      await con.run(sqlText('ingest_delete_scope'), { ingest_id: ingestId });
      await con.run(sqlText('ingest_delete_calls'), { ingest_id: ingestId });
      await con.run(sqlText('ingest_delete_renumber'));
      await rollupsAfterDelete(db, ingestId); // issue 10 hook: rollups of the deleted file's dates
      await con.run(sqlText('ingest_delete_log'), {
        ingest_id: ingestId, message: `calls deleted on ${new Date().toISOString()} (${row.inserted} call(s))`,
      });
      await con.run('COMMIT');
    } catch (err) {
      await con.run('ROLLBACK');
      throw err;
    } finally {
      db.markWritten();
    }
    return { ok: true, deleted: Number(row.inserted) };
  });
}
