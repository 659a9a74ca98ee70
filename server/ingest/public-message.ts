/**
 * What an ingest message may show a reader (GET /api/ingests, the inbox's .errors.txt): one line,
 * no control characters, no server paths, at most 300 characters. Messages name columns and
 * quote at most a capped header excerpt (ingest-file.ts); this is the last fence in case a
 * library's error text carries more.
 */
import type { MessagePart } from './message-parts.ts';

const MAX = 300;

/** Control, line-separator and bidirectional-override characters: never shown as they are. */
// eslint-disable-next-line no-control-regex
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function publicMessage(message: string | null, dataDir?: string): string | null {
  if (message === null || message === undefined) return null;
  let text = String(message).split(/\r?\n/)[0]!;
  if (dataDir) text = text.split(dataDir).join('<data>');
  text = text.replace(UNSAFE_CHARS, ' ');
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/** The same fence for each text argument of a message's parts (they quote what the message quotes). */
export function publicParts(parts: MessagePart[] | null, dataDir?: string): MessagePart[] | null {
  if (!parts) return null;
  return parts.map((p) => ({
    code: p.code,
    args: Object.fromEntries(
      Object.entries(p.args ?? {}).map(([k, v]) => [
        k,
        typeof v === 'number' ? v : (publicMessage(String(v), dataDir) ?? ''),
      ]),
    ),
  }));
}
