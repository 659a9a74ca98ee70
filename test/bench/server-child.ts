/**
 * The server under test as a child process (`hangup serve`, the real CLI), so its memory can be
 * read from /proc and it never shares an event loop with the load generator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Peak (VmHWM) and current (VmRSS) resident memory of a process, in MiB; null when gone. */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: kb('VmHWM') / 1024, rssMiB: kb('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

/** Resets a process's peak RSS to its current RSS (Linux: "5" into clear_refs); false if refused. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export interface ServerChild {
  base: string;
  pid: number;
  proc: ChildProcess;
  log: string[];
  stop: () => Promise<void>;
}

/**
 * Starts `hangup serve --db <db>` on a free loopback port (uploads allowed: loopback) and waits
 * until it listens. The database must exist (a missing one would be filled with sample data).
 */
export async function startServer(db: string, env: Record<string, string> = {}): Promise<ServerChild> {
  if (!existsSync(db)) throw new Error(`no database at ${db}`);
  const port = await freePort();
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'server', 'cli.ts'),
      'serve',
      '--db',
      db,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, HANGUP_INBOX: 'off', HANGUP_REPORT_CRON: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const log: string[] = [];
  const keep = (b: Buffer) => {
    log.push(b.toString());
    if (log.length > 200) log.shift();
  };
  proc.stderr!.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 10 min:\n${log.join('')}`)), 600_000);
    proc.stdout!.on('data', (b: Buffer) => {
      keep(b);
      if (b.toString().includes('Hangup Insight on http')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${log.join('')}`));
    });
  });
  const stop = async () => {
    if (proc.exitCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill('SIGTERM');
    const t = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(t);
  };
  return { base: `http://127.0.0.1:${port}`, pid: proc.pid!, proc, log, stop };
}

/**
 * fetch, retried once when the pooled keep-alive connection was closed by the server meanwhile
 * (Node's server drops idle sockets after 5 s; a slow engine between two API calls leaves the
 * socket idle that long, and the next request on it fails with "other side closed").
 */
export async function fetchRetry(url: string, init?: RequestInit): Promise<Response> {
  // An `uncached` URL (cases.ts) travels as a request header: routes refuse unknown parameters.
  if (/[?&]bench_run=\d+/.test(url)) {
    url = url.replace(/([?&])bench_run=\d+&?/, '$1').replace(/[?&]$/, '');
    init = {
      ...init,
      headers: { ...(init?.headers as Record<string, string> | undefined), 'cache-control': 'no-cache' },
    };
  }
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = (err as Error & { cause?: { code?: string } }).cause?.code ?? '';
    if (!/UND_ERR_SOCKET|ECONNRESET|EPIPE/.test(code)) throw err;
    return fetch(url, init);
  }
}

/** GET a URL of the server; throws on a non-2xx answer (the body is read, as a browser does). */
export async function get(base: string, url: string): Promise<string> {
  const res = await fetchRetry(base + url, { headers: { accept: 'application/json' } });
  const body = await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${body.slice(0, 200)}`);
  return body;
}
