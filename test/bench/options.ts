/** Command line of `npm run bench` (README "Benchmark", docs/BENCHMARKS.md). */
import { parseArgs } from 'node:util';

export const SECTIONS = ['api', 'pages', 'concurrency', 'ingest'] as const;
export type Section = (typeof SECTIONS)[number];

export const USAGE = `usage: npm run bench -- [options]
  --calls 10M|100M|N     calls to generate (default 10M; 2M, 500k and plain numbers work too)
  --only SECTION[,…]     ${SECTIONS.join(', ')} (default: all)
  --engine NAME[,…]      comparison engines of the api section, run interleaved with the API
                         (default: every registered and available one; test/bench/engines.ts
                         lists them: duckdb, arquero, postgres, …; --engine none for the API alone)
  --runs N               timed runs per request after 2 warm-ups (default 9; slow ones stop after 15 s)
  --clients N            concurrent dashboard clients (default 8)
  --seconds S            how long the idle concurrency run lasts (default 30)
  --ingest-rows N        rows of the canonical CSV for the ingest comparison (default 2M)
  --upload-mb N          size of the upload whose peak server memory is measured (default 512)
  --replicate-from N     make --calls by copying the N generated calls (new call ids and callee
                         keys per copy) when the generator is too slow for the size at hand;
                         the N-call database of an earlier run is required and the output says so
  --fresh                generate the calls again even if test-output/bench/ holds them
  --keep                 keep the scratch folder (CSV exports, ingest databases)
  --write-docs           put this run's figures into docs/BENCHMARKS.md (between its bench markers)`;

/** "10M" -> 10_000_000, "500k" -> 500_000, "2000000" -> 2_000_000. */
export function parseCount(s: string, name: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s.trim());
  if (!m) throw new Error(`--${name}: expected a count like 10M, 500k or 2000000, got "${s}"`);
  const n = Number(m[1]) * ({ k: 1e3, m: 1e6 }[m[2]!.toLowerCase()] ?? 1);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name}: not a positive whole count: "${s}"`);
  return n;
}

export interface BenchOptions {
  calls: number;
  replicateFrom: number | null;
  only: Set<Section>;
  engines: string[] | null;
  runs: number;
  clients: number;
  seconds: number;
  ingestRows: number;
  uploadBytes: number;
  fresh: boolean;
  keep: boolean;
  writeDocs: boolean;
}

export function readOptions(argv = process.argv.slice(2)): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      calls: { type: 'string' },
      only: { type: 'string' },
      engine: { type: 'string' },
      runs: { type: 'string' },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      'ingest-rows': { type: 'string' },
      'upload-mb': { type: 'string' },
      'replicate-from': { type: 'string' },
      fresh: { type: 'boolean' },
      keep: { type: 'boolean' },
      'write-docs': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...SECTIONS];
  for (const s of only)
    if (!(SECTIONS as readonly string[]).includes(s))
      throw new Error(`--only: unknown section "${s}" (${SECTIONS.join(', ')})`);
  return {
    calls: parseCount(values.calls ?? '10M', 'calls'),
    replicateFrom: values['replicate-from'] ? parseCount(values['replicate-from'], 'replicate-from') : null,
    only: new Set(only as Section[]),
    engines: values.engine
      ? values.engine
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    runs: parseCount(values.runs ?? '9', 'runs'),
    clients: parseCount(values.clients ?? '8', 'clients'),
    seconds: parseCount(values.seconds ?? '30', 'seconds'),
    ingestRows: parseCount(values['ingest-rows'] ?? '2M', 'ingest-rows'),
    uploadBytes: parseCount(values['upload-mb'] ?? '512', 'upload-mb') * 1e6,
    fresh: Boolean(values.fresh),
    keep: Boolean(values.keep),
    writeDocs: Boolean(values['write-docs']),
  };
}
