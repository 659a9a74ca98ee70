// The lint gate against import cycles works: with the project's own eslint.config.js, a pair of
// files importing each other fails `import-x/no-cycle`, a one-way import passes, and the two
// pairs that used to import each other (ingest-file/supplement, tables/insight-rows) pass.
import { ESLint } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** import-x/no-cycle findings per file (relative path), with the project's config. */
async function cycleFindings(files: string[]): Promise<Record<string, number>> {
  // ignore: false, because eslint.config.js keeps the fixtures out of `npm run lint`.
  const eslint = new ESLint({ cwd: ROOT, ignore: false, ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-cycle' });
  const results = await eslint.lintFiles(files.map((f) => join(ROOT, f)));
  return Object.fromEntries(
    results.map((r) => [
      r.filePath.slice(ROOT.length + 1),
      r.messages.filter((m) => m.ruleId === 'import-x/no-cycle').length,
    ]),
  );
}

describe('import-x/no-cycle in eslint.config.js', () => {
  it('fails on two files that import each other, passes a one-way import', async () => {
    // Findings expected per file: one on each side of the cycle, none for the one-way pair.
    const expected = {
      'test/house/fixtures/cycle/first.ts': 1,
      'test/house/fixtures/cycle/second.ts': 1,
      'test/house/fixtures/acyclic/root.ts': 0,
      'test/house/fixtures/acyclic/leaf.ts': 0,
    };
    expect(await cycleFindings(Object.keys(expected))).toEqual(expected);
  });

  it('finds no cycle in the pairs that had one', async () => {
    const pairs = [
      'server/ingest/ingest-file.ts',
      'server/ingest/supplement.ts',
      'server/report/tables.ts',
      'server/report/insight-rows.ts',
    ];
    expect(Object.values(await cycleFindings(pairs))).toEqual([0, 0, 0, 0]);
  });
});
