/**
 * What an audit row's machine-written fields can hold, shared by the server that writes them and
 * the dashboard that shows them in the reader's language.
 */

/** The target of a row about one ingest: "ingest #12". */
export const ingestTarget = (id: number): string => `ingest #${id}`;

/** The ingest a target names, or null (a user name, a free text). */
export function ingestOfTarget(target: string | null): number | null {
  const m = /^ingest #(\d+)$/.exec(target ?? '');
  return m ? Number(m[1]) : null;
}

/** Keys of an audit row's counts. */
export const AUDIT_COUNTS = ['inserted', 'duplicates', 'rejected', 'deleted', 'kept'] as const;

/** The outcome of an upload a stop cut off (its file removed when the server starts again). */
export const INTERRUPTED_OUTCOME = 'interrupted: removed at start';

/** Outcomes written as fixed words, keyed as the dashboard names them; "refused: <reason>" has a tail. */
export const AUDIT_OUTCOMES: Record<string, string> = {
  loaded: 'loaded',
  repeated: 'repeated',
  failed: 'failed',
  deleted: 'deleted',
  added: 'added',
  removed: 'removed',
  [INTERRUPTED_OUTCOME]: 'interrupted',
};

/** The outcome of a write the server refused, with its reason (English). */
export const refusedOutcome = (reason: string): string => `refused: ${reason}`;

/** The reason after "refused: " (English, from the server), or null. */
export function refusedReason(outcome: string): string | null {
  return /^refused: (.*)$/s.exec(outcome)?.[1] ?? null;
}
