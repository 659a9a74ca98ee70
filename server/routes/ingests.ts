import { basename } from 'node:path';
import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { publicMessage, publicParts } from '../ingest/public-message.ts';
import { partsOf } from '../ingest/message-parts.ts';

interface IngestRow {
  rejectsPath: string | null;
  message: string | null;
  [column: string]: unknown;
}

/** GET /ingests: the ingest history (queries/ingest/ingest_history.sql), newest first. */
export function ingestRoutes(db: Database, dataDir?: string) {
  return new Hono().get('/ingests', async (c) => {
    const rows = await db.query(sqlText('ingest_history'));
    // Only the file name of the rejects file leaves the server: its folder is server layout.
    // Messages are capped, one line, without server paths (ingest/public-message.ts).
    const ingests = (rows as unknown as IngestRow[]).map(({ rejectsPath, ...r }) => ({
      ...r,
      message: publicMessage(r.message, dataDir),
      // JSON text in ingest_log; null for rows written before migration 002.
      messageParts: publicParts(partsOf(r.messageParts), dataDir),
      rejectsFile: rejectsPath ? basename(rejectsPath) : null,
    }));
    return c.json({ ingests });
  });
}
