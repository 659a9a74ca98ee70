/**
 * The English text of an ingest message, made from its parts and the one set of templates
 * (ingest-messages.en.ts): what the server stores as `message` and the CLI prints.
 */
import type { GivenDateOrder, MessagePart, OffsetSource } from './ingests.ts';
import { fill } from './fill.ts';
import { DATE_ORDERS_EN, INGEST_MESSAGES_EN, OFFSET_SOURCES_EN } from './ingest-messages.en.ts';

/**
 * One part in English. A `what` arg names its OFFSET_SOURCES_EN text, an `order` arg its
 * DATE_ORDERS_EN text. A trailing " ({name})"
 * whose arg is left out goes with it: the delete's answer is its history note without the time.
 */
export function renderPart(p: MessagePart): string {
  const args = { ...p.args };
  if (typeof args.what === 'string' && Object.hasOwn(OFFSET_SOURCES_EN, args.what))
    args.what = OFFSET_SOURCES_EN[args.what as OffsetSource];
  if (typeof args.order === 'string' && Object.hasOwn(DATE_ORDERS_EN, args.order))
    args.order = DATE_ORDERS_EN[args.order as GivenDateOrder];
  const template = INGEST_MESSAGES_EN[p.code] ?? p.code;
  return fill(
    template.replace(/ \(\{(\w+)\}\)$/, (m, name: string) => (name in args ? m : '')),
    args,
  );
}

/**
 * The sentences of one message joined by `separator`, or, after one that is a full sentence, by
 * a space ("… attributes. Refused rows: …") or nothing after a Chinese full stop. The server's
 * English message and the web's rendering in either language join their parts with this.
 */
export function joinSentences(texts: readonly string[], separator: string): string {
  return texts.reduce(
    (out, text, i) =>
      i === 0 ? text : `${out}${out.endsWith('.') ? ' ' : out.endsWith('。') ? '' : separator}${text}`,
    '',
  );
}

/** A whole message in English: its parts joined by "; " (joinSentences). */
export function renderIngestMessage(parts: readonly MessagePart[]): string {
  return joinSentences(parts.map(renderPart), '; ');
}
