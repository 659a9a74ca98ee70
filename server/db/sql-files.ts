import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the `.sql` files: one metric or ingest question per file, in subfolders by purpose. */
export const QUERIES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'queries');

/**
 * Maps each query's base name (`summary` for `queries/metrics/summary.sql`) to its path. Callers
 * name a query by its base name only, so files can move between subfolders without touching a
 * caller; that only works while base names are unique, so a repeated one is an error here.
 */
export function indexQueryFiles(root: string): Map<string, string> {
  const index = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.sql')) {
        const name = entry.name.slice(0, -4);
        const first = index.get(name);
        if (first !== undefined) {
          throw new Error(
            `two query files are named ${name}.sql: ${relative(root, first)} and ${relative(root, path)}; ` +
              'queries are looked up by base name, so rename one',
          );
        }
        index.set(name, path);
      }
    }
  };
  walk(root);
  return index;
}

// Built when the module loads, so a duplicate name stops the server, the CLI and the tests at start-up.
const QUERY_FILES = indexQueryFiles(QUERIES_DIR);
const cache = new Map<string, string>();

/** Where the query file `<name>.sql` sits under `queries/` (for code that reads or regenerates the file itself). */
export function queryPath(name: string): string {
  const path = QUERY_FILES.get(name);
  if (path === undefined) throw new Error(`no query file ${name}.sql under queries/`);
  return path;
}

/** The text of the query file `<name>.sql`, wherever it sits under `queries/`, read once. */
export function sqlText(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(queryPath(name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Every query's base name, sorted (the house test checks each name a caller uses is among them). */
export function allQueryNames(): string[] {
  return [...QUERY_FILES.keys()].sort();
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

/**
 * Fills `{{each slot: template}}` with the template once per name, `@` standing for the name,
 * joined by commas: a column list written once in the query file instead of once per column.
 * Names come from fixed lists in the code and are checked as identifiers, as renderIdentifiers does.
 */
export function renderEach(sql: string, lists: Record<string, readonly string[]>): string {
  return sql.replace(/\{\{each (\w+): ([^}]+)\}\}/g, (_, slot: string, template: string) => {
    const names = lists[slot];
    if (names === undefined || names.some((n) => !IDENT.test(n)))
      throw new Error(`bad identifier list for {{each ${slot}}}`);
    return names.map((n) => template.replaceAll('@', n)).join(', ');
  });
}
