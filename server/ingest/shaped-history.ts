/**
 * Ingest history rows written before values from the file were shaped, shaped now: the history
 * (GET /api/ingests, the Data page, the weekly report) is read by every signed-in viewer, and
 * older versions stored customers' names and numbers in it: a headerless file's first line in the
 * unknown-format and missing-column messages, DuckDB's and ClickHouse's errors quoting a cell, a
 * dimension file's bad from_date. Run once on every stored row by migration 003
 * (server/db/code-migrations.ts); each value becomes its shape (valueShape, errorShape), exactly
 * as an ingest writes it today, and shaping a shaped row changes nothing.
 */
import { errorShape } from '../contract/error-shape.ts';
import { INGEST_MESSAGES_EN } from '../contract/ingest-messages.en.ts';
import { reasonParts } from '../contract/reject-reasons.ts';
import { valueShape } from '../contract/value-shape.ts';
import { looksLikeRecord } from './formats/explain.ts';
import { partsOf, renderIngestMessage, type MessagePart } from './message-parts.ts';

/** A row's message and parts (JSON text) as stored, and as they are to be stored. */
export interface StoredMessage {
  message: string | null;
  messageParts: string | null;
}

/** The row shaped, or null when it holds no value from a file (nothing to write). */
export function shapedHistoryRow(row: StoredMessage): StoredMessage | null {
  const parts = partsOf(row.messageParts);
  if (parts) {
    const shaped = parts.map(shapedPart);
    if (JSON.stringify(shaped) === JSON.stringify(parts)) return null;
    // The message is the parts in English (message-parts.ts): written again from the shaped parts.
    return { message: renderIngestMessage(shaped), messageParts: JSON.stringify(shaped) };
  }
  // Rows from before the keyed parts (migration 002) have their English message only.
  if (row.message === null) return null;
  const message = shapedMessageText(row.message);
  return message === row.message ? null : { message, messageParts: row.messageParts };
}

/** One part with the values its arguments can carry shaped; other parts as they are. */
export function shapedPart(p: MessagePart): MessagePart {
  const a = p.args ?? {};
  const text = (k: string): string | null => {
    const v = a[k];
    return typeof v === 'string' ? v : null;
  };
  switch (p.code) {
    case 'could_not_read':
      return text('error') === null ? p : { code: p.code, args: { ...a, error: errorShape(text('error')!) } };
    case 'clickhouse_not_stored':
      return text('reason') === null ? p : { code: p.code, args: { ...a, reason: errorShape(text('reason')!) } };
    case 'unknown_format':
    case 'unknown_format_no_header': {
      // A record in place of a header: its fields by their shape, and said so (the _no_header
      // text); rows from before the check knew a number or a phone number as a record are found too.
      const shown = text('headerShown') ?? headerShown(text('header') ?? '');
      const record = p.code === 'unknown_format_no_header' || looksLikeRecord(shown.split(', '));
      if (!record) return p;
      const args = { ...a };
      if (text('header') !== null) args.header = shapedHeader(text('header')!);
      if (text('headerShown') !== null) args.headerShown = shapedFields(text('headerShown')!);
      return { code: 'unknown_format_no_header', args };
    }
    case 'missing_column': {
      const header = text('header');
      return header !== null && looksLikeRecord(header.split(', '))
        ? { code: p.code, args: { ...a, header: shapedFields(header) } }
        : p;
    }
    case 'dim_refused_date':
      return text('example') === null ? p : { code: p.code, args: { ...a, example: valueShape(text('example')!) } };
    case 'dim_refused':
      return text('reasons') === null ? p : { code: p.code, args: { ...a, reasons: shapedReasons(text('reasons')!) } };
    default:
      return p;
  }
}

/** The fields of a quoted first line ("a, b, c"), each by its shape. */
function shapedFields(shown: string): string {
  return shown
    .split(', ')
    .map((f) => valueShape(f))
    .join(', ');
}

/** A quoted header "a, b[, … (+N columns)] (N columns)" (explain.ts quoteHeader): the columns shown. */
const HEADER = /^(.*?)((?:, … \(\+\d+ columns?\))? \(\d+ columns?\))$/s;
const headerShown = (header: string): string => HEADER.exec(header)?.[1] ?? header;
function shapedHeader(header: string): string {
  const m = HEADER.exec(header);
  return m ? shapedFields(m[1]!) + m[2]! : shapedFields(header);
}

/** An old dim_refused part's reasons: `from_date: not a date: "<value>"` with the value's shape. */
function shapedReasons(reasons: string): string {
  return reasonParts(reasons)
    .map((r) =>
      r.replace(/^(\w+: not a date: ")(.*)(")$/s, (_m, a: string, v: string, b: string) => a + valueShape(v) + b),
    )
    .join('; ');
}

/** How the current no-header message names the first line (the unknown_format_no_header text). */
const FIRST_LINE = /\. (First line \([^)]*\)): \{header\}/.exec(INGEST_MESSAGES_EN.unknown_format_no_header)![1]!;

/**
 * A message stored without parts, its sentences as older versions wrote them (their wording is
 * that of the English templates): every value they quote shaped.
 */
export function shapedMessageText(message: string): string {
  return (
    message
      .replace(/(could not be read: )(.*)$/s, (_m, a: string, e: string) => a + errorShape(e))
      .replace(
        /(shipping to ClickHouse failed \()(.*)(\); the file can be ingested again)/s,
        (_m, a: string, e: string, b: string) => a + errorShape(e) + b,
      )
      // no known format: "… Header: <first line> (N columns). Write a starter mapping …"
      .replace(
        /\. (Header|First line \([^)]*\)): (.*?)((?:, … \(\+\d+ columns?\))? \(\d+ columns?\)\. Write a starter mapping)/s,
        (m, label: string, shown: string, tail: string) =>
          label === 'Header' && !looksLikeRecord(shown.split(', '))
            ? m
            : `. ${FIRST_LINE}: ${shapedFields(shown)}${tail}`,
      )
      .replace(/(missing required column .*? \(header: )(.*)(\))$/s, (m, a: string, h: string, b: string) =>
        looksLikeRecord(h.split(', ')) ? a + shapedFields(h) + b : m,
      )
      .replace(/(Refused rows: )(.*)(\.)$/s, (_m, a: string, r: string, b: string) => a + shapedReasons(r) + b)
  );
}
