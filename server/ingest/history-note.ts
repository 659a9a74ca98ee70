import { VARCHAR } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { sweepOrphanUploads } from './upload.ts';
import { part, partsJson, renderPart, type MessagePart } from './message-parts.ts';

/** Adds a history row for a file that was never read, its message rendered from its note (queued behind any running write). */
export async function noteInHistory(
  db: Database,
  fileName: string,
  status: 'interrupted' | 'failed',
  note: MessagePart,
): Promise<void> {
  const message = renderPart(note);
  const message_parts = partsJson([note]);
  await db.write((con) =>
    con.run(
      sqlText('ingest_log_note'),
      { file_name: fileName.slice(0, 200), status, message, message_parts },
      { message_parts: VARCHAR },
    ),
  );
}

/**
 * At start: every upload still in <dataDir>/uploads was cut off by a stop or crash (while being
 * received or loaded). Each is removed and gets an `interrupted` history row, so the /data page
 * says what happened instead of the job silently vanishing.
 */
export async function recordOrphanUploads(db: Database, uploadsDir: string): Promise<string[]> {
  const orphans = sweepOrphanUploads(uploadsDir);
  for (const o of orphans) {
    const note = o.receivedAt ? part('upload_interrupted_at', { at: o.receivedAt }) : part('upload_interrupted');
    await noteInHistory(db, o.clientName, 'interrupted', note);
  }
  return orphans.map((o) => o.clientName);
}
