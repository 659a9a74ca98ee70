import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away ClickHouse cluster for the tests: N `clickhouse-server` processes (Debian's
 * package) on free loopback ports, each with a `remote_servers` entry naming all of them as
 * shards of one cluster, in a temporary folder that `stop()` deletes.
 */
export interface LocalCluster {
  /** HTTP URL of the first shard (the one the app talks to). */
  url: string;
  urls: string[];
  /** Cluster name in `remote_servers`. */
  cluster: string;
  version: string;
  stop: () => Promise<void>;
}

export const CLUSTER_NAME = 'hangup_test';

/** `clickhouse-server`, or the single `clickhouse` binary of newer packages. */
export function serverCommand(): { cmd: string; args: string[] } | null {
  for (const p of ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'])
    if (existsSync(p)) return { cmd: p, args: [] };
  const which = spawnSync('sh', ['-c', 'command -v clickhouse-server || command -v clickhouse'], { encoding: 'utf8' });
  const found = which.stdout.trim().split('\n')[0];
  if (!found) return null;
  return found.endsWith('clickhouse') ? { cmd: found, args: ['server'] } : { cmd: found, args: [] };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const config = (dir: string, http: number, tcp: number, shards: string) => `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><size>10M</size><count>1</count></logger>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>64</max_concurrent_queries>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <remote_servers>
    <${CLUSTER_NAME}>${shards}</${CLUSTER_NAME}>
  </remote_servers>
</yandex>
`;

const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`;

async function waitReady(url: string, proc: ChildProcess, dir: string, timeoutMs: number): Promise<string> {
  const until = Date.now() + timeoutMs;
  let exited: number | null = null;
  proc.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < until) {
    if (exited !== null) break;
    try {
      const res = await fetch(`${url}/?query=${encodeURIComponent('SELECT version()')}`);
      if (res.ok) return (await res.text()).trim();
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').slice(-2000) : '';
  throw new Error(
    `clickhouse-server at ${url} did not start (${exited !== null ? `exit ${exited}` : 'timeout'}): ${log}`,
  );
}

/** Starts `shards` servers (default 2) and waits until each answers over HTTP. */
export async function startCluster(shards = 2, timeoutMs = 30_000): Promise<LocalCluster> {
  const bin = serverCommand();
  if (!bin) throw new Error('clickhouse-server not found: apt-get install -y clickhouse-server clickhouse-client');
  const root = mkdtempSync(join(tmpdir(), 'hangup-ch-'));
  const ports: { http: number; tcp: number }[] = [];
  const taken = new Set<number>();
  while (ports.length < shards) {
    const http = await freePort();
    const tcp = await freePort();
    if (http === tcp || taken.has(http) || taken.has(tcp)) continue;
    taken.add(http).add(tcp);
    ports.push({ http, tcp });
  }
  const shardXml = ports
    .map((p) => `<shard><replica><host>127.0.0.1</host><port>${p.tcp}</port></replica></shard>`)
    .join('');
  const procs: ChildProcess[] = [];
  // A test process that dies without stop() must not leave servers behind.
  const killAll = () => procs.forEach((p) => p.exitCode === null && p.kill('SIGKILL'));
  process.once('exit', killAll);
  const stop = async () => {
    process.off('exit', killAll);
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve();
            // 18.16 waits up to 5 s for idle keep-alive connections; the data is thrown away anyway.
            const kill = setTimeout(() => p.kill('SIGKILL'), 1_500);
            p.once('exit', () => (clearTimeout(kill), resolve()));
            p.kill('SIGTERM');
          }),
      ),
    );
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const urls: string[] = [];
    let version = '';
    for (const [i, p] of ports.entries()) {
      const dir = join(root, `shard${i + 1}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'config.xml'), config(dir, p.http, p.tcp, shardXml));
      writeFileSync(join(dir, 'users.xml'), USERS);
      const proc = spawn(bin.cmd, [...bin.args, `--config-file=${join(dir, 'config.xml')}`], {
        cwd: dir,
        stdio: 'ignore',
      });
      procs.push(proc);
      urls.push(`http://127.0.0.1:${p.http}`);
    }
    for (const [i, url] of urls.entries())
      version = await waitReady(url, procs[i]!, join(root, `shard${i + 1}`), timeoutMs);
    return { url: urls[0]!, urls, cluster: CLUSTER_NAME, version, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
