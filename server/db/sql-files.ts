import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the `.sql` files: one metric or ingest question per file. */
export const QUERIES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'queries');

const cache = new Map<string, string>();

/** The text of `queries/<name>.sql`, read once. */
export function sqlText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(QUERIES_DIR, `${name}.sql`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Every query name in `queries/`, for the start-up check. */
export function allQueryNames(): string[] {
  return readdirSync(QUERIES_DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * Fills `{{slot}}` placeholders with column names. Callers pass names from a fixed
 * allow-list; the regex is a second guard so no other text can ever reach SQL this way.
 */
export function renderIdentifiers(sql: string, idents: Record<string, string>): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
    const ident = idents[slot];
    if (ident === undefined || !IDENT.test(ident)) throw new Error(`bad identifier for {{${slot}}}`);
    return ident;
  });
}
