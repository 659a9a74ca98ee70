// No two modules of the project import each other, directly or around a loop, counting type-only
// imports too (the lint rule import-x/no-cycle sees value imports only).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, sourceFiles, staticImports } from './import-graph.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('import graph', () => {
  it('reads static imports, type-only ones and re-exports included, and leaves import() out', () => {
    const text = [
      "import type { A } from './a.ts';",
      "import { b } from '../b.ts';",
      "export { c } from './c.ts';",
      "import { z } from 'zod';",
      "const page = () => import('./page.svelte');",
    ].join('\n');
    expect(staticImports('x.ts', text)).toEqual(['./a.ts', '../b.ts', './c.ts']);
  });

  it('finds a loop of three and a self-import, and nothing in a tree', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
      ['e', ['e']],
      ['f', ['d']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['e']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('has no cycle in server/, web/src/, test/ and sample-data/', () => {
    const files = sourceFiles(ROOT, ['server', 'web/src', 'test', 'sample-data']);
    expect(files.length).toBeGreaterThan(100);
    const graph = importGraph(ROOT, files);
    // The graph is real: the ingest entry point imports its helpers.
    expect(graph.get('server/ingest/ingest-file.ts')).toContain('server/ingest/supplement.ts');
    expect(importCycles(graph)).toEqual([]);
  });
});
