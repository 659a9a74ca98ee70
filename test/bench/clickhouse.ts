/**
 * ClickHouse in the benchmark (`npm run bench -- --engine clickhouse`): the same API served by
 * `hangup serve --clickhouse` over two local clickhouse-server shards, beside the DuckDB-served one.
 *
 * Loading copies the generated DuckDB file as the control store, ships its calls to a fresh
 * two-shard cluster with the mirror's own shipping (so the load time is the ingest cost) and
 * builds the ClickHouse rollups, then starts a second server child on that copy reading
 * ClickHouse (it finds the cluster in sync and ships nothing). Each API case is then the same
 * uncached HTTP request to that server, timed in turn with the DuckDB-served one; the concurrency
 * section runs its clients against it too (`served()`).
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ClickHouseMirror } from '../../server/clickhouse/mirror.ts';
import { ClickHouseStore } from '../../server/clickhouse/store.ts';
import { ROLLUPS } from '../../server/semantic/rollups.ts';
import { openStore } from '../../server/store.ts';
import { serverCommand, startCluster, type LocalCluster } from '../clickhouse/cluster.ts';
import { uncached, type ApiCase } from './cases.ts';
import type { ComparisonEngine, EngineContext } from './engine-types.ts';
import { fetchRetry, startServer, type ServerChild } from './server-child.ts';

const SETTINGS = { timezone: 'Asia/Shanghai', earlySeconds: 10 };
const DATABASE = 'hangup_bench';

let bust = 0;

export async function clickhouseEngine(): Promise<ComparisonEngine> {
  let cluster: LocalCluster | null = null;
  let server: ServerChild | null = null;
  return {
    name: 'clickhouse',
    async unavailable(): Promise<string | null> {
      return serverCommand()
        ? null
        : 'clickhouse-server not installed (apt-get install -y clickhouse-server clickhouse-client)';
    },
    async load(ctx: EngineContext) {
      // The mirror writes meta rows into its control store, and the server locks it: a copy.
      const path = join(ctx.tmpDir, 'clickhouse-control', 'hangup.duckdb');
      mkdirSync(join(path, '..'), { recursive: true });
      copyFileSync(ctx.duckdbPath, path);
      const key = join(ctx.duckdbPath, '..', 'callee-hash.key');
      if (existsSync(key)) copyFileSync(key, join(path, '..', 'callee-hash.key'));
      cluster = await startCluster(2);
      const store = await openStore(path, SETTINGS);
      const ch = await ClickHouseStore.connect({ urls: cluster.urls, cluster: cluster.cluster, database: DATABASE });
      const mirror = new ClickHouseMirror(store.db, ch, {
        businessTimezone: SETTINGS.timezone,
        earlySeconds: SETTINGS.earlySeconds,
        batchRows: 50_000,
        log: ctx.log,
      });
      const t0 = performance.now();
      await mirror.open();
      const shipMs = performance.now() - t0;
      const rollupRows = await Promise.all(
        ROLLUPS.map(async (r) => {
          const [row] = await ch.query<{ n: number }>(
            `SELECT toInt64(count()) AS n FROM ${ch.rollups!.fromOf(`\`${r.name}\``)}`,
          );
          return `${r.name} ${Number(row!.n).toLocaleString('en')}`;
        }),
      );
      const version = ch.caps.version;
      await ch.close();
      store.db.close();
      ctx.log(
        `clickhouse: ${ctx.calls.toLocaleString('en')} calls shipped to 2 shards (${version}) and rollups built in ${(shipMs / 1000).toFixed(1)} s; rows ${rollupRows.join(', ')}`,
      );
      server = await startServer(path, {
        HANGUP_CLICKHOUSE_URL: cluster.urls.join(','),
        HANGUP_CLICKHOUSE_CLUSTER: cluster.cluster,
        HANGUP_CLICKHOUSE_DATABASE: DATABASE,
      });
      return {
        ms: shipMs,
        note:
          `ClickHouse ${version}, 2 shards on this machine, served by \`hangup serve --clickhouse\` over HTTP like the API column; ` +
          `load = shipping from DuckDB + building the rollups (${rollupRows.join(', ')} rows)`,
      };
    },
    query(c: ApiCase) {
      if (c.url.startsWith('/api/ingest') || c.url.startsWith('/api/reports')) return undefined;
      return async () => {
        const res = await fetchRetry(server!.base + uncached(c.url, ++bust));
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${c.url} on ClickHouse: HTTP ${res.status}`);
      };
    },
    served: () => server,
    async close(): Promise<void> {
      await server?.stop();
      server = null;
      await cluster?.stop();
      cluster = null;
    },
  };
}
