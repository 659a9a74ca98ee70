import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { rollupsAfterDelete } from '../db/derived.ts';
import { mirrorOf } from '../clickhouse/hooks.ts';
import { part, partsJson, renderPart, type MessagePart } from './message-parts.ts';

export interface KeptBy {
  ingestId: number;
  fileName: string;
  calls: number;
}

export type DeleteOutcome =
  | { ok: true; deleted: number; kept: number; keptBy: KeptBy[]; message: string; fileName: string; sha256: string }
  | { ok: false; status: 404 | 409; error: string };

/**
 * Deletes what one loaded file brought, in one transaction queued with ingests. A call belongs to
 * every file that brought it (call_files): only the calls no other loaded file holds are removed;
 * the others stay, now owned by the lowest-numbered such file, and the answer says so. The file's
 * log row becomes `deleted`, so the same bytes can be ingested again.
 */
export function deleteIngest(db: Database, ingestId: number): Promise<DeleteOutcome> {
  return db.exclusive(async () => {
    const [row] = await db.query<{ status: string; kind: string; fileName: string; sha256: string }>(
      sqlText('ingest_delete_target'),
      { ingest_id: ingestId },
    );
    if (!row) return { ok: false, status: 404, error: `no ingest #${ingestId}` };
    if (row.kind !== 'calls')
      return {
        ok: false,
        status: 409,
        error: `ingest #${ingestId} is a ${row.kind} file; only call files can be deleted`,
      };
    if (row.status !== 'loaded')
      return { ok: false, status: 409, error: `ingest #${ingestId} is ${row.status}: no calls to delete` };
    await mirrorOf(db)?.beforeDelete(ingestId); // hook: ClickHouse mirror
    const { deleted, keptBy, message } = await db.transaction(async (con) => {
      const removed = await removeIngestCalls(db, ingestId);
      const note = deletePart(removed.deleted, removed.keptBy, new Date().toISOString());
      await con.run(sqlText('ingest_delete_log'), {
        ingest_id: ingestId,
        message: renderPart(note),
        message_parts: partsJson([note]),
      });
      return { ...removed, message: deleteMessage(removed.deleted, removed.keptBy) };
    });
    await mirrorOf(db)?.afterDelete(ingestId); // hook: ClickHouse mirror
    const kept = keptBy.reduce((s, k) => s + k.calls, 0);
    return { ok: true, deleted, kept, keptBy, message, fileName: row.fileName, sha256: row.sha256 };
  });
}

/** The answer to a delete: "calls deleted: 12; kept: 5, because other loaded files also hold them: #3 full.csv (5)". */
export function deleteMessage(deleted: number, keptBy: KeptBy[]): string {
  return renderPart(deletePart(deleted, keptBy)); // without `at`, the text leaves out the time
}

/** The history's note of a deletion, keyed (message-parts.ts); `at` is when it happened. */
function deletePart(deleted: number, keptBy: KeptBy[], at?: string): MessagePart {
  const kept = keptBy.reduce((s, k) => s + k.calls, 0);
  const when: Record<string, string> = at === undefined ? {} : { at };
  return kept
    ? part('deleted_kept', { deleted, kept, files: keptList(keptBy), ...when })
    : part('deleted', { deleted, ...when });
}

function keptList(keptBy: KeptBy[]): string {
  const list = keptBy
    .slice(0, 5)
    .map((k) => `#${k.ingestId} ${k.fileName} (${k.calls})`)
    .join(', ');
  return `${list}${keptBy.length > 5 ? ', …' : ''}`;
}

/**
 * Inside the caller's transaction: removes the calls of one file that no other loaded file holds,
 * hands the others to the lowest-numbered such file, recounts nth_call_30d and refreshes the
 * rollups of the dates involved. Also used to take back a file ClickHouse did not fully receive.
 */
export async function removeIngestCalls(
  db: Database,
  ingestId: number,
): Promise<{ deleted: number; keptBy: KeptBy[] }> {
  const con = db.writeConnection;
  await con.run(sqlText('ingest_delete_members'), { ingest_id: ingestId });
  const counts = (await con.runAndReadAll(sqlText('ingest_delete_counts'))).getRowObjectsJson() as {
    ingestId: number | null;
    fileName: string | null;
    calls: number;
  }[];
  const deleted = Number(counts.find((c) => c.ingestId === null)?.calls ?? 0);
  const keptBy = counts
    .filter((c) => c.ingestId !== null)
    .map((c) => ({ ingestId: Number(c.ingestId), fileName: String(c.fileName), calls: Number(c.calls) }));
  await con.run(sqlText('ingest_delete_scope'));
  await con.run(sqlText('ingest_delete_calls'));
  await con.run(sqlText('ingest_delete_reassign'), { ingest_id: ingestId });
  await con.run(sqlText('ingest_delete_memberships'), { ingest_id: ingestId });
  await con.run(sqlText('ingest_delete_renumber'));
  await con.run(sqlText('ingest_dates_reassigned'));
  await rollupsAfterDelete(db, ingestId); // rollups of the deleted file's dates
  return { deleted, keptBy };
}
