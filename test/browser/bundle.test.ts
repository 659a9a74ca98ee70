import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.ts';

// The budget the README reports against: what a first visit downloads before any page chunk.
const INITIAL_JS_BUDGET_GZIP = 35 * 1024;
const PAGES_DIR = join(ROOT, 'web', 'src', 'pages');
// The chart and table libraries, by the package folders their modules come from (d3 and zrender are
// what Plot and ECharts are built on): none of them may be part of the first download.
const HEAVY = {
  echarts: /\/node_modules\/(echarts|zrender)\//,
  plot: /\/node_modules\/(@observablehq\/plot|d3-[a-z-]+)\//,
  arquero: /\/node_modules\/arquero\//,
};

let chunks: Rollup.OutputChunk[] = [];
let assets: Rollup.OutputAsset[] = [];

// Built in memory from the current sources with the project's Vite config (the same build as
// `npm start` ships), so the test reads the module graph itself instead of strings in the output.
beforeAll(async () => {
  const nodeEnv = process.env.NODE_ENV;
  // Vitest sets NODE_ENV=test, which Vite would honour with a development build.
  process.env.NODE_ENV = 'production';
  try {
    const out = await build({
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { write: false, emptyOutDir: false },
    });
    const outputs = (Array.isArray(out) ? out : [out]) as Rollup.RollupOutput[];
    const files = outputs.flatMap((o) => o.output);
    chunks = files.filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
    assets = files.filter((c): c is Rollup.OutputAsset => c.type === 'asset');
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
});

describe('the built dashboard', () => {
  const byFile = () => new Map(chunks.map((c) => [c.fileName, c]));
  const entry = () => chunks.find((c) => c.isEntry)!;
  /** The entry chunk and everything it imports statically: what a first visit downloads. */
  const initialChunks = () => {
    const files = byFile();
    const initial = new Map<string, Rollup.OutputChunk>();
    const visit = (c: Rollup.OutputChunk) => {
      if (initial.has(c.fileName)) return;
      initial.set(c.fileName, c);
      for (const i of c.imports) visit(files.get(i)!);
    };
    visit(entry());
    return [...initial.values()];
  };

  it('loads every page as its own chunk, on demand', () => {
    const pages = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.svelte'));
    expect(pages.length).toBeGreaterThan(0);
    const initial = new Set(initialChunks().map((c) => c.fileName));
    for (const page of pages) {
      const chunk = chunks.find((c) => c.facadeModuleId === join(PAGES_DIR, page));
      expect(chunk, page).toBeDefined();
      expect(chunk!.isDynamicEntry, page).toBe(true);
      expect(entry().dynamicImports, page).toContain(chunk!.fileName);
      expect(initial.has(chunk!.fileName), page).toBe(false);
    }
  });

  it('keeps ECharts, Observable Plot and arquero out of the first download', () => {
    const initialModules = initialChunks().flatMap((c) => c.moduleIds);
    for (const [lib, from] of Object.entries(HEAVY)) {
      expect(
        initialModules.filter((m) => from.test(m)),
        lib,
      ).toEqual([]);
      // The library is in the build at all (so the check above looks at real module paths).
      expect(
        chunks.some((c) => c.moduleIds.some((m) => from.test(m))),
        lib,
      ).toBe(true);
    }
  });

  it('keeps the first download under the budget the README reports', () => {
    const initial = initialChunks();
    const jsGzip = initial.reduce((s, c) => s + gzipSync(c.code).length, 0);
    const css = [...(entry().viteMetadata?.importedCss ?? [])];
    const cssGzip = css.reduce((s, f) => s + gzipSync(assets.find((a) => a.fileName === f)!.source).length, 0);
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    writeFileSync(
      join(ROOT, 'test-output', 'bundle-size.json'),
      JSON.stringify({ initialJs: initial.map((c) => c.fileName), jsGzip, cssGzip }, null, 2),
    );
    expect(jsGzip).toBeLessThan(INITIAL_JS_BUDGET_GZIP);
  });
});
