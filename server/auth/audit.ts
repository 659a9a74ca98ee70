import { VARCHAR } from '@duckdb/node-api';
import { userInfo } from 'node:os';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { ingestTarget } from '../contract/audit.ts';

export type AuditAction = 'upload' | 'inbox' | 'ingest' | 'delete' | 'user_add' | 'user_remove' | 'interrupted';

export interface AuditEntry {
  actor: string;
  role?: string | null;
  action: AuditAction;
  target?: string | null;
  fileName?: string | null;
  sha256?: string | null;
  counts?: Record<string, number | string | null> | null;
  outcome: string;
}

/** Appends one audit row, queued behind running ingests (one writer at a time). Never throws. */
export async function recordAudit(db: Database, e: AuditEntry): Promise<void> {
  await db
    .write((con) =>
      con.run(
        sqlText('audit_add'),
        {
          actor: e.actor.slice(0, 200),
          role: e.role ?? null,
          action: e.action,
          target: e.target ?? null,
          file_name: e.fileName?.slice(0, 200) ?? null,
          sha256: e.sha256 || null,
          counts: e.counts ? JSON.stringify(e.counts) : null,
          outcome: e.outcome.slice(0, 300),
        },
        { role: VARCHAR, target: VARCHAR, file_name: VARCHAR, sha256: VARCHAR, counts: VARCHAR },
      ),
    )
    .catch((err: unknown) => console.error(`audit log: ${(err as Error).message}`));
}

export interface AuditRow {
  auditId: number;
  at: string;
  actor: string;
  role: string | null;
  action: AuditAction;
  target: string | null;
  fileName: string | null;
  sha256: string | null;
  counts: Record<string, number | string | null> | null;
  outcome: string;
}

export async function recentAudit(db: Database, limit = 200): Promise<AuditRow[]> {
  const rows = await db.query<Omit<AuditRow, 'counts'> & { counts: string | null }>(sqlText('audit_recent'), { limit });
  return rows.map((r) => ({
    ...r,
    auditId: Number(r.auditId),
    counts: r.counts ? (JSON.parse(r.counts) as AuditRow['counts']) : null,
  }));
}

/** What an audit row of one ingested file says about it. */
export interface IngestOutcome {
  ingestId: number;
  fileName: string;
  sha256: string;
  status: string;
  inserted: number;
  duplicates: number;
  rejected: number;
  /** Inbound calls: counted apart, never stored (calls = inserted + duplicates + rejected + inbound). */
  inbound: number;
}

/** The audit row of one ingested file, whoever handed it in (upload, inbox, CLI). */
export function auditIngest(
  db: Database,
  who: { actor: string; role?: string | null; action: 'upload' | 'inbox' | 'ingest' },
  r: IngestOutcome,
): Promise<void> {
  return recordAudit(db, {
    ...who,
    target: ingestTarget(r.ingestId),
    fileName: r.fileName,
    sha256: r.sha256,
    outcome: r.status,
    counts: { inserted: r.inserted, duplicates: r.duplicates, rejected: r.rejected, inbound: r.inbound },
  });
}

/** The audit row of a file loaded by `npm run hangup -- ingest` (actor cli:<os user>). */
export const auditCliIngest = (db: Database, r: IngestOutcome): Promise<void> =>
  auditIngest(db, { actor: `cli:${userInfo().username}`, action: 'ingest' }, r);
