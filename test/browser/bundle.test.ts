import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildWebIfStale } from './harness.ts';

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const DIST = join(ROOT, 'web', 'dist');
// The budget the README reports against: what a first visit downloads before any page chunk.
const INITIAL_JS_BUDGET_GZIP = 35 * 1024;

beforeAll(() => buildWebIfStale());

describe('the built dashboard', () => {
  const manifest = () => JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;

  it('loads only a small entry first; pages and chart libraries come later', () => {
    const m = manifest();
    const entry = Object.values(m).find((c) => c.isEntry)!;
    const initial = new Set<string>();
    const visit = (c: Chunk) => {
      if (initial.has(c.file)) return;
      initial.add(c.file);
      for (const i of c.imports ?? []) visit(m[i]!);
    };
    visit(entry);
    const gz = (f: string) => gzipSync(readFileSync(join(DIST, f))).length;
    const jsGzip = [...initial].reduce((s, f) => s + gz(f), 0);
    const cssGzip = (entry.css ?? []).reduce((s, f) => s + gz(f), 0);
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    writeFileSync(join(ROOT, 'test-output', 'bundle-size.json'), JSON.stringify({ initialJs: [...initial], jsGzip, cssGzip }, null, 2));

    expect(entry.dynamicImports?.length).toBeGreaterThanOrEqual(9); // 8 pages + not-found
    const initialSource = [...initial].map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    expect(initialSource).not.toContain('Heatmap must use with visualMap'); // no ECharts up front
    expect(initialSource).not.toContain('@observablehq/plot');
    expect(jsGzip).toBeLessThan(INITIAL_JS_BUDGET_GZIP);
  });
});
