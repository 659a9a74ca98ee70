import type { Context } from 'hono';
import { z } from 'zod';
import { LIST_FILTER_KEYS } from '../contract/filters.ts';

/** A 400 whose body names each offending parameter. */
export class BadRequest extends Error {
  constructor(readonly issues: { param: string; message: string }[]) {
    super(issues.map((i) => `${i.param}: ${i.message}`).join('; '));
  }
}

const LISTS = new Set<string>(LIST_FILTER_KEYS);
const MAX_VALUE = 500;

/**
 * Reads the query string into a plain object (list filters as arrays, others as one value)
 * and validates it with `schema`. Repeating a single-valued parameter is an error, not a guess.
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S, lists: Set<string> = LISTS): z.infer<S> {
  const raw = c.req.queries();
  const input: Record<string, unknown> = {};
  const issues: { param: string; message: string }[] = [];
  for (const [key, vals] of Object.entries(raw)) {
    if (vals.some((v) => v.length > MAX_VALUE)) issues.push({ param: key, message: `value longer than ${MAX_VALUE} characters` });
    else if (lists.has(key)) input[key] = vals;
    else if (vals.length > 1) issues.push({ param: key, message: 'given more than once' });
    else input[key] = vals[0];
  }
  if (issues.length) throw new BadRequest(issues);
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new BadRequest(parsed.error.issues.map((i) => ({ param: i.path.map(String).join('.') || '(query)', message: i.message })));
  }
  return parsed.data;
}
