/**
 * PostgreSQL answering the same raw SQL (queries/bench/bench_raw_*.sql run unchanged; `$name`
 * parameters become literals of the benchmark's own constants) on a temporary cluster the
 * benchmark creates, starts and stops. Skipped cleanly when `initdb` is not on the machine
 * (looked up in /usr/lib/postgresql/<version>/bin, then PATH); as root, the cluster runs as
 * the `postgres` user (initdb refuses root).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FILTER, type ApiCase } from './cases.ts';
import { HEADLINE_CASES, type ComparisonEngine, type EngineContext } from './engine-types.ts';
import { rawSql } from './raw-sql.ts';
import { freePort } from './server-child.ts';

/** The columns the questions read (a row store scans whole rows: the best case leaves the rest out). */
export const PG_COLUMNS: [string, string][] = [
  ['local_date', 'date'],
  ['hour', 'smallint'],
  ['weekday', 'smallint'],
  ['campaign', 'text'],
  ['script_id', 'text'],
  ['segment', 'text'],
  ['age_band', 'text'],
  ['number_tag', 'text'],
  ['caller_number', 'text'],
  ['agent_id', 'text'],
  ['nth_call_30d', 'integer'],
  ['hangup_cause', 'text'],
  ['disposition', 'text'],
  ['talk_seconds', 'double precision'],
  ...[
    'is_answered',
    'is_rejected',
    'is_converted',
    'is_machine',
    'is_known_party',
    'is_callee_hangup',
    'is_early_hangup',
    'is_short',
  ].map((f): [string, string] => [f, 'boolean']),
];

function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const path = which.stdout.trim();
  return path ? join(path, '..') : null;
}

const asRoot = process.getuid?.() === 0;
function pgUser(): { uid: number; gid: number } | null {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  return r.status === 0 ? { uid: Number(r.stdout), gid: Number(g.stdout) } : null;
}

/** Runs a PostgreSQL binary, as `postgres` when we are root. */
function run(bin: string, args: string[], opts: { input?: string; timeout?: number } = {}): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, {
    encoding: 'utf8',
    input: opts.input,
    timeout: opts.timeout ?? 3_600_000,
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;
/**
 * Raw SQL in PostgreSQL's spelling: DuckDB's count_if(x) as count(*) FILTER (WHERE x) (its
 * fastest form there), the benchmark's filter constants in place of $from, $to, $campaign.
 */
export function pgSql(c: ApiCase): string {
  const values: Record<string, string> = { from: FILTER.from, to: FILTER.to, campaign: FILTER.campaign };
  return rawSql(c.raw!)
    .replace(/--[^\n]*/g, '')
    .replace(/count_if\(([^()]*)\)/g, 'count(*) FILTER (WHERE $1)')
    .replace(/\$(\w+)/g, (_, k: string) => {
      if (!(k in values)) throw new Error(`no value for $${k}`);
      return literal(values[k]!);
    });
}

export async function postgresEngine(
  maxRows = Number(process.env.BENCH_PG_MAX ?? 20_000_000),
): Promise<ComparisonEngine> {
  const bin = pgBin();
  let dir = '';
  let port = 0;
  let started = false;
  const psql = (script: string, timeout?: number) =>
    run(
      join(bin!, 'psql'),
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'bench', '-d', 'postgres'],
      { input: script, timeout },
    );
  return {
    name: 'postgres',
    async unavailable(ctx: EngineContext) {
      if (!bin) return 'initdb not found (apt-get install -y postgresql to include it)';
      if (asRoot && !pgUser()) return 'running as root and there is no postgres user to run the cluster';
      if (ctx.calls > maxRows)
        return `more than ${maxRows.toLocaleString('en')} calls (load time; BENCH_PG_MAX raises it)`;
      return null;
    },
    async load(ctx) {
      const t = Date.now();
      const version = run(join(bin!, 'initdb'), ['--version']).trim();
      dir = join(ctx.tmpDir, 'pg');
      mkdirSync(dir, { recursive: true });
      const u = pgUser();
      if (asRoot && u) chownSync(dir, u.uid, u.gid);
      chmodSync(ctx.tmpDir, 0o755);
      run(join(bin!, 'initdb'), ['-D', join(dir, 'data'), '-U', 'bench', '--auth=trust', '-E', 'UTF8', '--no-locale']);
      // Best case for an analytics scan on a 2-core box: parallel workers, big work_mem and
      // shared buffers, no durability work (a benchmark cluster).
      const conf = [
        "listen_addresses = ''",
        `unix_socket_directories = '${dir}'`,
        'shared_buffers = 2GB',
        'work_mem = 256MB',
        'maintenance_work_mem = 1GB',
        'max_parallel_workers_per_gather = 2',
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'wal_level = minimal',
        'max_wal_senders = 0',
        'max_wal_size = 8GB',
      ].join('\n');
      run('sh', ['-c', `cat >> ${join(dir, 'data', 'postgresql.conf')}`], { input: conf + '\n' });
      port = await freePort();
      run(join(bin!, 'pg_ctl'), ['-D', join(dir, 'data'), '-o', `-p ${port}`, '-l', join(dir, 'log'), '-w', 'start']);
      started = true;
      const csv = await ctx.exportColumns(
        PG_COLUMNS.map(([c]) => c),
        'pg-calls.csv',
      );
      chmodSync(csv, 0o644);
      const tLoad = Date.now();
      psql(`CREATE TABLE calls (${PG_COLUMNS.map(([c, ty]) => `${c} ${ty}`).join(', ')});
COPY calls FROM ${literal(csv)} (FORMAT csv, HEADER true);
VACUUM ANALYZE calls;`);
      return {
        ms: Date.now() - t,
        note: `${version}; COPY + VACUUM ANALYZE ${((Date.now() - tLoad) / 1000).toFixed(0)} s; ${PG_COLUMNS.length} columns the questions read, no index`,
      };
    },
    query(c: ApiCase) {
      if (!c.raw || !HEADLINE_CASES.has(c.id)) return undefined;
      const sql = pgSql(c);
      // One psql per timed run would time process start-up: time the statement inside psql instead.
      return async () => {
        const out = psql(`\\timing on\n\\o /dev/null\n${sql}\n`);
        const m = /Time: ([\d.]+) ms/.exec(out);
        if (!m) throw new Error(`no timing from psql: ${out.slice(0, 200)}`);
        return { selfMs: Number(m[1]) };
      };
    },
    async close() {
      if (started) run(join(bin!, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']);
      started = false;
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
