import { valueShape } from './value-shape.ts';

/**
 * A library's error text (DuckDB, ClickHouse) as the ingest history may keep it: DuckDB's words,
 * column, type, file and format names as written, every value it quotes from the file by its shape
 * (valueShape: 9 a digit, a letters). DuckDB quotes the value that broke a cast, and that value is
 * whatever stood in the cell: `Could not convert string '13900139001' to INT32` named a customer's
 * number in the history every viewer reads; it is kept as `Could not convert string '99999999999'
 * to INT32`. Shaping a shaped text changes nothing, so stored rows can be shaped again safely.
 *
 * What is a value:
 * - the value of DuckDB's sentences that quote one (`Could not convert string '…' to`, `field
 *   format: "…", expected`, `with value '…' can't be cast`, `duplicate key "…"`), to its last quote;
 * - anything else in quotes ('…' or "…"; DuckDB does not escape quotes inside, so a quote closes only
 *   before a non-word character: `'O'Brien'` is one value), unless the word before it names what
 *   follows (column, table, function, file, format specifier, …) or it is a type name (`'INTEGER'`);
 *   a quote left open (a text cut at its length cap) runs to the end;
 * - the unquoted value of `Type INT64 with value 13800138000 can't be cast …`,
 *   `Date out of range: 2026-13-1` and `… Input: <text>`;
 * - any other run of 6 digits or more (a phone number; ids of the file), unless it is a line, byte
 *   or offset count.
 */
export function errorShape(text: string): string {
  return unquotedValues(quotedValues(text));
}

/** The word before a quote that makes the quoted text a name, not a value. */
const NAME_BEFORE =
  /(?:^|[^\p{L}\p{N}_])(?:column|columns|table|function|macro|schema|catalog|specifier|file|path|type|named|bindings:|timezone|open|stat|lstat|scandir|mkdir|rmdir|rename|unlink|access|copyfile|readlink)\s*$/iu;

/** DuckDB's and ClickHouse's type names, as an error quotes them (`to 'INTEGER'`, `'Nullable(String)'`). */
const TYPE_NAMES = new Set(
  (
    'boolean bool tinyint smallint integer int bigint hugeint uhugeint utinyint usmallint uinteger ubigint ' +
    'int1 int2 int4 int8 int16 int32 int64 int128 int256 uint8 uint16 uint32 uint64 uint128 uint256 float real ' +
    'double float32 float64 decimal numeric varchar char text string fixedstring blob bytea bit date date32 time ' +
    'timetz timestamp timestamptz timestamp_s timestamp_ms timestamp_ns datetime datetime64 interval uuid json ' +
    'list struct map union enum nullable lowcardinality array tuple null'
  ).split(' '),
);
const TYPE = /^([a-z_][a-z0-9_]*)(?: with time zone)?(?:\([\w\s,]*\))?(?:\[\d*\])*$/i;

function isTypeName(text: string): boolean {
  const m = TYPE.exec(text.trim());
  return m !== null && TYPE_NAMES.has(m[1]!.toLowerCase());
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}_]/u.test(c);

/**
 * DuckDB's sentences around a quoted value, (words)(quote)(value): the value runs to the quote that
 * ends the sentence's own words, whatever quotes it holds (an Asterisk caller id `"Test User" <105>`).
 */
const VALUE_IN: RegExp[] = [
  /(Could not (?:convert|parse) string )(['"])(.*)\2(?= to | according to )/,
  /((?:field format|value out of range): )(")(.*)\2(?=, expected format|$)/,
  /(with value )(['"])(.*)\2(?= can't be cast)/,
  /(duplicate key )(")(.*)\2$/,
];

function quotedValues(text: string): string {
  for (const re of VALUE_IN) {
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index + m[1]!.length;
    const end = m.index + m[0].length;
    return quotedValues(text.slice(0, start)) + m[2]! + valueShape(m[3]!) + m[2]! + quotedValues(text.slice(end));
  }
  let out = '';
  let i = 0;
  while (i < text.length) {
    const q = text[i]!;
    // An apostrophe inside a word (can't, file's) opens nothing.
    if ((q !== "'" && q !== '"') || isWordChar(text[i - 1])) {
      out += q;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && !(text[j] === q && !isWordChar(text[j + 1]))) j++;
    const inner = text.slice(i + 1, j);
    const name = NAME_BEFORE.test(text.slice(Math.max(0, i - 40), i)) || isTypeName(inner);
    out += q + (name ? inner : valueShape(inner)) + (j < text.length ? q : '');
    i = j + 1;
  }
  return out;
}

/** Values DuckDB writes without quotes, by the words around them. */
const UNQUOTED: RegExp[] = [
  /(\bwith value )(.+?)( can't be cast)/g,
  /(\bout of range: )(?!["'])(.+?)()$/g,
  /(\bInput: )(.+?)()$/g,
];
/** A run of 6 digits or more (dashes between them too: 138-0013-8000), not part of a word. */
const LONG_NUMBER = /(?<![\p{L}\p{N}_])\+?\d[\d-]*\d(?![\p{L}\p{N}_])/gu;
const COUNT_BEFORE = /\b(?:line|lines|byte|bytes|offset|position|row|rows|size)\s*:?\s*$/i;

function unquotedValues(text: string): string {
  let out = text;
  for (const re of UNQUOTED)
    out = out.replace(re, (_m, before: string, v: string, after: string) => before + valueShape(v) + after);
  return out.replace(LONG_NUMBER, (n: string, at: number, whole: string) =>
    n.replace(/\D/g, '').length < 6 || COUNT_BEFORE.test(whole.slice(Math.max(0, at - 20), at)) ? n : valueShape(n),
  );
}
