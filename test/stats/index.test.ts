// The barrel server/stats/index.ts is what callers import. It must hand out each module's own
// function under its name (an `export *` collision would silently drop or shadow one), every
// public function of every module, and nothing else; and functions called through it must give
// the published values (Newcombe 1998 for Wilson and the hybrid difference interval).
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as stats from '../../server/stats';

const STATS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'stats');
const moduleFiles = readdirSync(STATS_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

/** Every exported function of every stats module, by name, with the module(s) that export it. */
async function moduleFunctions(): Promise<Map<string, { fn: unknown; from: string[] }>> {
  const found = new Map<string, { fn: unknown; from: string[] }>();
  for (const file of moduleFiles) {
    const mod = (await import(join(STATS_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== 'function') continue;
      const seen = found.get(name);
      if (seen) seen.from.push(basename(file));
      else found.set(name, { fn: value, from: [basename(file)] });
    }
  }
  return found;
}

describe('server/stats index', () => {
  it('re-exports every module of server/stats', () => {
    const index = readFileSync(join(STATS_DIR, 'index.ts'), 'utf8');
    const reexported = [...index.matchAll(/^export \* from '\.\/([\w-]+)';$/gm)].map((m) => `${m[1]}.ts`).sort();
    expect(reexported).toEqual([...moduleFiles].sort());
  });

  it('no two modules export a function of the same name', async () => {
    const clashes = [...(await moduleFunctions())]
      .filter(([, v]) => v.from.length > 1)
      .map(([k, v]) => `${k}: ${v.from.join(', ')}`);
    expect(clashes).toEqual([]);
  });

  it('hands out exactly the modules’ functions, each the module’s own', async () => {
    const functions = await moduleFunctions();
    const barrel = stats as Record<string, unknown>;
    const barrelFunctions = Object.keys(barrel)
      .filter((k) => typeof barrel[k] === 'function')
      .sort();
    expect(barrelFunctions).toEqual([...functions.keys()].sort());
    for (const [name, { fn }] of functions) expect(barrel[name], name).toBe(fn);
  });

  it('gives published values through the barrel', () => {
    // Newcombe 1998a, Table I: 81/263 -> 0.2553 to 0.3662 (Wilson score).
    const w = stats.wilsonInterval(81, 263);
    expect(w.lower).toBeCloseTo(0.2553, 4);
    expect(w.upper).toBeCloseTo(0.3662, 4);
    // Newcombe 1998b, Table II: 56/70 − 48/80 -> 0.0524 to 0.3339 (hybrid score, method 10).
    const d = stats.newcombeInterval(56, 70, 48, 80);
    expect(d.lower).toBeCloseTo(0.0524, 4);
    expect(d.upper).toBeCloseTo(0.3339, 4);
    expect(stats.normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    // The 5% critical value of chi-square with 1 degree of freedom.
    expect(stats.chiSquareSf(3.841458820694124, 1)).toBeCloseTo(0.05, 10);
    // Holm: sorted p 0.01, 0.03, 0.04 times 3, 2, 1 -> 0.03, 0.06, 0.04, made monotone -> 0.03, 0.06, 0.06.
    const holm = stats.holmAdjust([0.01, 0.04, 0.03]);
    expect(holm[0]).toBeCloseTo(0.03, 12);
    expect(holm[1]).toBeCloseTo(0.06, 12);
    expect(holm[2]).toBeCloseTo(0.06, 12);
  });
});
