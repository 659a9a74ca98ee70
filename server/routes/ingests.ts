import { basename } from 'node:path';
import { Hono } from 'hono';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';

interface IngestRow {
  rejectsPath: string | null;
  [column: string]: unknown;
}

/** GET /ingests: the ingest history (queries/ingest_history.sql), newest first. */
export function ingestRoutes(db: Database) {
  return new Hono().get('/ingests', async (c) => {
    // Not db.query(): its cached prepared statement, if first prepared while ingest_log was
    // empty, returns corrupt strings once files are logged (@duckdb/node-api 1.5.6-r.1).
    // This query is small and rare, so an unprepared run costs nothing.
    const rows = await db.withConnection(async (con) => (await con.runAndReadAll(sqlText('ingest_history'))).getRowObjectsJson());
    // Only the file name of the rejects file leaves the server: its folder is server layout.
    const ingests = (rows as unknown as IngestRow[]).map(({ rejectsPath, ...r }) => ({
      ...r,
      rejectsFile: rejectsPath ? basename(rejectsPath) : null,
    }));
    return c.json({ ingests });
  });
}
