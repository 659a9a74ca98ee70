/**
 * The one way a value becomes SQL text for ClickHouse servers without query parameters
 * (Debian's 18.16 answers `param_x` with "Unknown setting"). Newer servers get the same
 * `{name:Type}` placeholders as real query parameters (see bind.ts); only this file turns a
 * value into a literal, and it checks the value against the placeholder's type first.
 */
export type ChValue = string | number | boolean | null | readonly ChValue[];

/** ClickHouse types a placeholder may name (the subset the generated SQL uses). */
const SCALAR = /^(String|Date|DateTime|Float32|Float64|U?Int(8|16|32|64)|Bool)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const INT_RANGE: Record<string, [number, number]> = {
  Int8: [-128, 127],
  Int16: [-32768, 32767],
  Int32: [-2147483648, 2147483647],
  UInt8: [0, 255],
  UInt16: [0, 65535],
  UInt32: [0, 4294967295],
  Int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  UInt64: [0, Number.MAX_SAFE_INTEGER],
};

/** A type name as a placeholder writes it: String, Nullable(Date), Array(String), ... */
export function isPlaceholderType(type: string): boolean {
  const inner = /^(Nullable|Array)\((.+)\)$/.exec(type);
  return inner ? isPlaceholderType(inner[2]!) : SCALAR.test(type);
}

/**
 * A ClickHouse string literal: single quotes, backslash escapes for the quote, the backslash
 * itself and control characters (ClickHouse reads `\\`, `\'`, `\0`, `\n`, `\r`, `\t`, `\xHH`).
 */
export function quoteString(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

/** `value` as a literal of ClickHouse `type`; throws when the value does not fit the type. */
export function literal(value: ChValue, type: string): string {
  if (!isPlaceholderType(type)) throw new Error(`unsupported parameter type ${JSON.stringify(type)}`);
  const nullable = /^Nullable\((.+)\)$/.exec(type);
  if (value === null) {
    if (!nullable) throw new Error(`NULL for non-Nullable type ${type}`);
    return `CAST(NULL AS ${type})`;
  }
  if (nullable) return literal(value, nullable[1]!);
  const array = /^Array\((.+)\)$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw new Error(`expected an array for ${type}`);
    // An empty [] is Array(Nothing) to ClickHouse; the cast keeps has()/IN typed.
    if (value.length === 0) return `CAST([] AS ${type})`;
    return `[${value.map((v) => literal(v, array[1]!)).join(', ')}]`;
  }
  if (Array.isArray(value)) throw new Error(`array given for scalar type ${type}`);
  switch (type) {
    case 'String':
      if (typeof value !== 'string') throw new Error(`expected a string for String, got ${typeof value}`);
      return quoteString(value);
    case 'Date':
      if (typeof value !== 'string' || !DATE.test(value)) throw new Error('expected a date YYYY-MM-DD');
      return `toDate('${value}')`;
    case 'DateTime':
      if (typeof value !== 'string' || !DATETIME.test(value)) throw new Error('expected a time YYYY-MM-DD HH:MM:SS');
      return `toDateTime('${value}')`;
    case 'Bool':
      if (typeof value !== 'boolean') throw new Error('expected a boolean');
      return value ? '1' : '0';
    case 'Float32':
    case 'Float64': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`expected a finite number for ${type}`);
      return `to${type}(${String(n)})`;
    }
    default: {
      const range = INT_RANGE[type]!;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < range[0] || value > range[1]) {
        throw new Error(`expected an integer in [${range[0]}, ${range[1]}] for ${type}`);
      }
      return `to${type}(${String(value)})`;
    }
  }
}
