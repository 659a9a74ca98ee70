// Queries are named by base name wherever they sit under queries/ (so files can move into
// subfolders by purpose without touching a caller), and a repeated base name stops start-up.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { allQueryNames, indexQueryFiles, QUERIES_DIR, queryPath, sqlText } from '../../server/db/sql-files.ts';
import { sourceFiles } from './import-graph.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let tmp = '';
afterEach(() => tmp && rmSync(tmp, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  tmp = mkdtempSync(join(tmpdir(), 'hangup-queries-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), text);
  }
  return tmp;
}

describe('query files by base name', () => {
  it('finds a query in any subfolder and at the top, and only .sql files', () => {
    const root = tree({
      'schema.sql': 'CREATE TABLE t (x INTEGER);',
      'metrics/summary.sql': 'SELECT 1;',
      'ingest/steps/ingest_check.sql': 'SELECT 2;',
      'metrics/README.md': 'not a query',
    });
    const index = indexQueryFiles(root);
    expect([...index.keys()].sort()).toEqual(['ingest_check', 'schema', 'summary']);
    expect(index.get('summary')).toBe(join(root, 'metrics', 'summary.sql'));
    expect(index.get('ingest_check')).toBe(join(root, 'ingest', 'steps', 'ingest_check.sql'));
  });

  it('refuses two files of the same base name, naming both', () => {
    const root = tree({ 'metrics/summary.sql': 'SELECT 1;', 'report/summary.sql': 'SELECT 2;' });
    expect(() => indexQueryFiles(root)).toThrow(
      'two query files are named summary.sql: metrics/summary.sql and report/summary.sql',
    );
  });

  it('reads a real query and names a missing one', () => {
    expect(queryPath('date_bounds')).toBe(indexQueryFiles(QUERIES_DIR).get('date_bounds'));
    expect(sqlText('date_bounds')).toBe(readFileSync(queryPath('date_bounds'), 'utf8'));
    expect(sqlText('date_bounds')).toMatch(/^-- date_bounds: /);
    expect(() => sqlText('no_such_query')).toThrow('no query file no_such_query.sql under queries/');
  });

  it('has a file for every query the code names, and no file nobody names', () => {
    // The benchmark (test/bench) runs queries of its own through sqlText too.
    const server = sourceFiles(ROOT, ['server', 'sample-data', 'test/bench'])
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const named = new Set<string>();
    const add = (re: RegExp) => {
      for (const m of server.matchAll(re)) for (const q of m[1]!.matchAll(/'([a-z][a-z0-9_]*)'/g)) named.add(q[1]!);
    };
    add(/sqlText\(('[a-z0-9_]+')/g); // sqlText('summary')
    add(/(?:beforeFold|afterFold): \[([^\]]*)\]/g); // format plans: beforeFold: ['format_connect_chain']
    add(/writeRejects\([^)]*?('[a-z0-9_]+')\)/g); // writeRejects(con, dir, name, 'dim_rejects')
    add(/query = ('[a-z0-9_]+')/g); // writeRejects' default
    const files = allQueryNames();
    expect([...named].filter((n) => !files.includes(n))).toEqual([]);
    const quoted = new Set([...server.matchAll(/['"`]([a-z][a-z0-9_]*)['"`]/g)].map((m) => m[1]!));
    // Migrations are found by their name (server/db/migrations.ts), not named one by one.
    const migration = /^migration_\d{3}_/;
    expect(files.filter((f) => !quoted.has(f) && !migration.test(f))).toEqual([]);
    expect(named.size).toBeGreaterThan(50);
  });
});
