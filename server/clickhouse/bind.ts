import { isPlaceholderType, literal, type ChValue } from './literal.ts';

/**
 * Generated ClickHouse SQL names every value as a `{name:Type}` placeholder (ClickHouse's own
 * query-parameter syntax). A server with query parameters gets them as such; for one without
 * (18.x) each placeholder is replaced by `literal(value, Type)`. Text inside quotes and comments
 * is skipped, so only real placeholders are touched.
 */
const PLACEHOLDER = /^\{([a-zA-Z_][a-zA-Z0-9_]*):([A-Za-z0-9_(), ]+)\}/;

export interface Placeholder {
  name: string;
  type: string;
  start: number;
  end: number;
}

/** The placeholders of `sql`, outside string literals, quoted identifiers and comments. */
export function placeholders(sql: string): Placeholder[] {
  const out: Placeholder[] = [];
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      i++;
      while (i < sql.length && sql[i] !== ch) i += sql[i] === '\\' ? 2 : 1;
      i++;
    } else if (ch === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++;
    } else if (ch === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (ch === '{') {
      const m = PLACEHOLDER.exec(sql.slice(i));
      if (!m) throw new Error(`malformed placeholder at ${i}`);
      const type = m[2]!.replace(/\s+/g, '');
      if (!isPlaceholderType(type)) throw new Error(`unsupported placeholder type ${type}`);
      out.push({ name: m[1]!, type, start: i, end: i + m[0].length });
      i += m[0].length;
    } else i++;
  }
  return out;
}

/** Checks every placeholder has a value; returns the values the SQL uses (query_params). */
export function usedParams(sql: string, params: Record<string, ChValue>): Record<string, ChValue> {
  const used: Record<string, ChValue> = {};
  for (const p of placeholders(sql)) {
    if (!Object.hasOwn(params, p.name)) throw new Error(`no value for placeholder {${p.name}}`);
    used[p.name] = params[p.name]!;
  }
  return used;
}

/** The SQL with every placeholder replaced by the literal of its value (servers without parameters). */
export function inlineParams(sql: string, params: Record<string, ChValue>): string {
  let out = '';
  let last = 0;
  for (const p of placeholders(sql)) {
    if (!Object.hasOwn(params, p.name)) throw new Error(`no value for placeholder {${p.name}}`);
    out += sql.slice(last, p.start) + literal(params[p.name]!, p.type);
    last = p.end;
  }
  return out + sql.slice(last);
}
