import { AUDIT_COUNTS, AUDIT_OUTCOMES, ingestOfTarget, refusedReason } from '../../../server/contract/audit.ts';
import type { MessageKey } from './i18n.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

// The server writes an audit row's counts, target and outcome in fixed English words
// (server/contract/audit.ts): those it knows read in the reader's language, anything else as written.

// Inbound calls are a bucket of their own (calls = inserted + duplicates + rejected + inbound).
const COUNT_NAMES: readonly string[] = [...AUDIT_COUNTS, 'inbound'];

/** "inserted 3 · duplicates 0 · rejected 1 · inbound 2", names and numbers localized. */
export function auditCounts(
  c: Record<string, number | string | null> | null,
  t: T,
  int: (n: number) => string,
): string {
  if (!c) return '';
  const name = (k: string) => (COUNT_NAMES.includes(k) ? t(`audit.count.${k}` as MessageKey) : k);
  return Object.entries(c)
    .map(([k, v]) => `${name(k)} ${typeof v === 'number' ? int(v) : v}`)
    .join(' · ');
}

/** Who acted: the server's own actors ("inbox", "server", "cli:<user>") in the reader's language; a user name as it is. */
export function auditActor(actor: string, t: T): string {
  if (actor === 'inbox' || actor === 'server') return t(`audit.actor.${actor}`);
  return actor.startsWith('cli:') ? t('audit.actor.cli', { user: actor.slice(4) }) : actor;
}

/** "ingest #12" in the reader's language; a user name as it is. */
export function auditTarget(target: string | null, t: T): string | null {
  const id = ingestOfTarget(target);
  return id === null ? target : t('audit.target.ingest', { id });
}

/** "loaded", "refused: <reason>" (the reason as the server wrote it)… in the reader's language. */
export function auditOutcome(outcome: string, t: T): string {
  const reason = refusedReason(outcome);
  if (reason !== null) return t('audit.outcome.refused', { reason });
  const key = Object.hasOwn(AUDIT_OUTCOMES, outcome) ? AUDIT_OUTCOMES[outcome] : undefined;
  return key ? t(`audit.outcome.${key}` as MessageKey) : outcome;
}

/** The actions whose audit row counts one ingested file. */
const INGEST_ACTIONS = ['upload', 'inbox', 'ingest'];

/**
 * An ingest's audit counts with its inbound calls: rows written before the server counted them
 * there take them from the file's history row (GET /api/ingests), so every row adds up to the
 * file's calls. Other rows, and files of no calls, as they are.
 */
export function countsWithInbound(
  e: { action: string; target: string | null; counts: Record<string, number | string | null> | null },
  history: readonly { ingestId: number; kind: string; inbound?: number }[] | undefined,
): Record<string, number | string | null> | null {
  if (!e.counts || 'inbound' in e.counts || !INGEST_ACTIONS.includes(e.action)) return e.counts;
  const id = ingestOfTarget(e.target);
  const row = id === null ? undefined : history?.find((r) => r.ingestId === id);
  return row?.kind === 'calls' && typeof row.inbound === 'number' ? { ...e.counts, inbound: row.inbound } : e.counts;
}
