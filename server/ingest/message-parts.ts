/**
 * Keyed ingest messages: every sentence the server writes about a file (ingest_log.message) also
 * travels as a part { code, args } so the dashboard can say it in the reader's language. The
 * English message (CLI, .errors.txt, tests read it) is rendered from the parts: a message site
 * makes only the part (server/contract/ingest-messages.en.ts holds the English texts).
 */
import type { IngestMessageCode, MessagePart } from '../contract/ingests.ts';

export type { MessagePart } from '../contract/ingests.ts';
export { renderIngestMessage, renderPart } from '../contract/ingest-message-text.ts';

export function part(code: IngestMessageCode, args: Record<string, string | number> = {}): MessagePart {
  return { code, args };
}

/** Parts as stored in ingest_log.message_parts (JSON text); null when there are none. */
export function partsJson(parts: MessagePart[]): string | null {
  return parts.length ? JSON.stringify(parts) : null;
}

/** ingest_log.message_parts read back: null for rows written before migration 002 or unreadable text. */
export function partsOf(json: unknown): MessagePart[] | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as MessagePart[]) : null;
  } catch {
    return null;
  }
}
