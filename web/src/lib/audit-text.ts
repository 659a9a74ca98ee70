import { AUDIT_COUNTS, AUDIT_OUTCOMES, ingestOfTarget, refusedReason } from '../../../server/contract/audit.ts';
import type { MessageKey } from './i18n.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

// The server writes an audit row's counts, target and outcome in fixed English words
// (server/contract/audit.ts): those it knows read in the reader's language, anything else as written.

/** "inserted 3 · duplicates 0 · rejected 1", names and numbers localized. */
export function auditCounts(
  c: Record<string, number | string | null> | null,
  t: T,
  int: (n: number) => string,
): string {
  if (!c) return '';
  const name = (k: string) =>
    (AUDIT_COUNTS as readonly string[]).includes(k) ? t(`audit.count.${k}` as MessageKey) : k;
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
