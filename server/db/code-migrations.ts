/**
 * Migrations SQL cannot write, in TypeScript: each runs once, in version order with the SQL ones
 * (queries/migrations/migration_NNN_*.sql), in the same transaction as its record in
 * schema_migrations (server/db/migrations.ts). Their version numbers share one sequence with the
 * SQL files; the name is recorded as a SQL migration's file name is. Like those, each runs before
 * schema.sql and does nothing on a database that lacks what it changes.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { VARCHAR } from '@duckdb/node-api';
import { shapedHistoryRow, type StoredMessage } from '../ingest/shaped-history.ts';
import { sqlText } from './sql-files.ts';

export interface CodeMigration {
  version: number;
  /** migration_NNN_what, as a SQL migration is named. */
  name: string;
  run(con: DuckDBConnection): Promise<void>;
}

export const CODE_MIGRATIONS: CodeMigration[] = [
  { version: 3, name: 'migration_003_ingest_values_shaped', run: shapeIngestHistory },
];

/**
 * Migration 003: values from users' files that older versions wrote into the ingest history (a
 * headerless first line, a cell quoted by DuckDB's error, a bad from_date) replaced by their shape
 * in message_parts and in the English message (server/ingest/shaped-history.ts). Only rows that
 * change are written.
 */
async function shapeIngestHistory(con: DuckDBConnection): Promise<void> {
  const present = await con.runAndReadAll(sqlText('history_table_present'));
  if (!Number((present.getRowObjectsJson()[0] as { n: number }).n)) return;
  const reader = await con.runAndReadAll(sqlText('history_messages'));
  for (const row of reader.getRowObjectsJson() as unknown as (StoredMessage & { ingestId: number })[]) {
    const shaped = shapedHistoryRow(row);
    if (!shaped) continue;
    await con.run(
      sqlText('history_message_set'),
      { ingest_id: Number(row.ingestId), message: shaped.message, message_parts: shaped.messageParts },
      { message: VARCHAR, message_parts: VARCHAR },
    );
  }
}
