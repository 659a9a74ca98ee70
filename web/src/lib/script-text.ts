import type { Column } from './columns.ts';

/** How many characters of an opening line a menu option shows. */
export const EXCERPT_CHARS = 24;

/**
 * The text cut to `max` characters (code points, whitespace collapsed), ending in "…" when cut;
 * Latin text is cut at a space when one is near the end, Chinese between any two characters.
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= max) return chars.join('');
  let head = chars.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  if (chars[max - 1] !== ' ' && space >= max * 0.6) head = head.slice(0, space);
  return `${head.join('').trimEnd()}…`;
}

/** "Line A — 您好，我是…": a name with the start of its opening line; the name alone without a text. */
export function withExcerpt(name: string, text: string | null | undefined, max = EXCERPT_CHARS): string {
  return text ? `${name} — ${excerpt(text, max)}` : name;
}

/**
 * The opening line's full text as a table's prose column (a line under each row, so a long text
 * never widens the table); no column when no row has a text.
 */
export function scriptTextColumns<R>(
  label: string,
  textOf: (row: R) => string | null,
  rows: readonly R[],
): Column<R>[] {
  return rows.some((r) => textOf(r)) ? [{ key: 'scriptText', label, kind: 'text', value: textOf, prose: true }] : [];
}
