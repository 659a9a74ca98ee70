import type { Context, MiddlewareHandler } from 'hono';
import { type z } from 'zod';
import { LIST_FILTER_KEYS } from '../contract/filters.ts';
import { ApiError } from './errors.ts';

/** A 400 whose body names each offending parameter: `{ error: 'bad request', code: 'bad_request', issues }`. */
export class BadRequest extends ApiError {
  constructor(readonly issues: { param: string; message: string }[]) {
    super(400, 'bad_request', 'bad request', { issues });
  }
}

const LISTS = new Set<string>(LIST_FILTER_KEYS);

/**
 * The parameter names a schema reads: object keys, through intersections, unions, pipes,
 * defaults and optionals. Null when the schema accepts any key (a record, a catch-all), in which
 * case unknown names cannot be told apart.
 */
export function schemaKeys(schema: z.ZodType): Set<string> | null {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object': {
      if (def.catchall && (def.catchall as { _zod: { def: { type: string } } })._zod.def.type !== 'never') return null;
      return new Set(Object.keys(def.shape as object));
    }
    case 'intersection': {
      const [a, b] = [schemaKeys(def.left as z.ZodType), schemaKeys(def.right as z.ZodType)];
      return a && b ? new Set([...a, ...b]) : null;
    }
    case 'union': {
      const all = (def.options as z.ZodType[]).map(schemaKeys);
      return all.every(Boolean) ? new Set(all.flatMap((k) => [...k!])) : null;
    }
    case 'pipe':
      return schemaKeys(def.in as z.ZodType);
    case 'default':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'prefault':
    case 'nonoptional':
      return schemaKeys(def.innerType as z.ZodType);
    default:
      return null;
  }
}

function closest(name: string, known: Iterable<string>): string | null {
  // A one- or two-letter slip (campain, numbertag) gets a "did you mean".
  let best: [string, number] | null = null;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d <= 2 && (!best || d < best[1])) best = [k, d];
  }
  return best?.[0] ?? null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
const MAX_VALUE = 500;

/**
 * Reads the query string into a plain object (list filters as arrays, others as one value)
 * and validates it with `schema`. Repeating a single-valued parameter is an error, not a guess;
 * so is a parameter the schema does not read (`?campain=x` would otherwise give unfiltered data).
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S, lists: Set<string> = LISTS): z.infer<S> {
  const raw = c.req.queries();
  const input: Record<string, unknown> = {};
  const issues: { param: string; message: string }[] = [];
  const known = schemaKeys(schema);
  for (const [key, vals] of Object.entries(raw)) {
    if (known && !known.has(key)) {
      const near = closest(key, known);
      issues.push({
        param: key.slice(0, 100),
        message: `unknown parameter${near ? ` (did you mean "${near}"?)` : ''}; known: ${[...known].join(', ')}`,
      });
    } else if (vals.some((v) => v.length > MAX_VALUE))
      issues.push({ param: key, message: `value longer than ${MAX_VALUE} characters` });
    else if (lists.has(key)) input[key] = vals;
    else if (vals.length > 1) issues.push({ param: key, message: 'given more than once' });
    else input[key] = vals[0];
  }
  if (issues.length) throw new BadRequest(issues);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new BadRequest(
      parsed.error.issues.map((i) => ({ param: i.path.map(String).join('.') || '(query)', message: i.message })),
    );
  }
  return parsed.data;
}

/** For routes that take no query parameters: any given is a 400 naming it, like parseQuery's unknown names. */
export function noQuery(): MiddlewareHandler {
  return async (c, next) => {
    const names = Object.keys(c.req.queries());
    if (names.length)
      throw new BadRequest(
        names.map((param) => ({ param: param.slice(0, 100), message: 'unknown parameter; this route takes none' })),
      );
    await next();
  };
}
