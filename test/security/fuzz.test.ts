import { describe, expect, it } from 'vitest';
import { suiteStore } from '../helpers/suite-store.ts';
import { loadSample } from '../../server/store.ts';

// Seeded, bounded fuzz of every GET route's parameters: known names with hostile values, unknown
// names, repeats, empty and over-long values. Nothing may answer >= 500 or leak SQL or a stack.

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const ROUTES: Record<string, string[]> = {
  '/api/summary': [],
  '/api/breakdown': ['by'],
  '/api/breakdown/attribute': ['name'],
  '/api/heatmap': ['x', 'y'],
  '/api/dimensions': [],
  '/api/ab': ['control', 'adjust', 'correction', 'sequential'],
  '/api/survival': ['by'],
  '/api/recommendations': [],
  '/api/reports/weekly': ['week', 'format', 'lang', 'download'],
  '/api/ingests': [],
  '/api/audit': [],
};
const FILTERS = ['from', 'to', 'campaign', 'script', 'segment', 'numberTag', 'agent'];
const VALUES = [
  '',
  ' ',
  'hour',
  'weekday',
  'script',
  'A',
  'B',
  "x' OR 1=1 --",
  '"; DROP TABLE calls; --',
  '2026-09-01',
  '2026-02-30',
  '9999-99-99',
  '-1',
  '0',
  '1e309',
  'NaN',
  '%00',
  '\u0000',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=cmd|calc',
  '中文',
  '🙂',
  'holm',
  'bh',
  'hour,segment',
  'hour,hour,hour,hour',
  'csv',
  'pdf',
  'zh',
  'en',
  '2026-W37',
  '2025-W53',
  'x'.repeat(501),
  'y'.repeat(200),
];

const suite = suiteStore((store) => loadSample(store, { calls: 3000, seed: 11 }));

describe('parameter fuzz (seeded, bounded)', () => {
  it(
    '600 random requests: no 5xx, no SQL or stack in any answer, unknown names always 400',
    { timeout: 120_000 },
    async () => {
      const r = rng(20261203);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
      const paths = Object.keys(ROUTES).filter((p) => p !== '/api/reports/weekly'); // PDF/HTML rendering is slow: a few below
      const statuses = new Map<number, number>();
      for (let i = 0; i < 600; i++) {
        const path = i % 40 === 0 ? '/api/reports/weekly' : pick(paths);
        const names = [
          ...ROUTES[path]!,
          ...(path === '/api/dimensions' || path === '/api/ingests' || path === '/api/audit' ? [] : FILTERS),
        ];
        const q = new URLSearchParams();
        const n = Math.floor(r() * 5);
        let unknown = false;
        for (let k = 0; k < n; k++) {
          const name =
            r() < 0.1
              ? ((unknown = true), pick(['campain', 'foo', 'by ', 'Script', '__proto__', 'constructor']))
              : pick(names.length ? names : ['zzz']);
          if (!names.includes(name)) unknown = true;
          q.append(name, pick(VALUES));
        }
        if (path === '/api/reports/weekly' && !q.has('format')) q.set('format', 'csv');
        const url = `${path}${q.size ? `?${q}` : ''}`;
        const res = await suite.app.request(url);
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, url).toBeLessThan(500);
        if (unknown) expect(res.status, url).toBe(400);
        if (res.status === 400) {
          expect(text, url).not.toMatch(/Binder Error|Parser Error|Catalog Error|SELECT |\bat \w+ \(/);
          expect(JSON.parse(text).issues?.length ?? 0, url).toBeGreaterThan(0);
        }
      }
      expect(statuses.get(200)).toBeGreaterThan(50); // the fuzz reached real answers too
      expect(statuses.get(400)).toBeGreaterThan(50);
    },
  );
});
