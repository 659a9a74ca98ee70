import type { Store } from '../store.ts';
import { useQueryStore } from '../db/query-store.ts';
import { attachMirror } from './hooks.ts';
import { ClickHouseMirror } from './mirror.ts';
import { clickhouseQueryStore } from './query-store.ts';
import { ClickHouseStore, parseUrls } from './store.ts';

/** Command-line options of the ClickHouse query store (serve, start, ingest, sample). */
export const CLICKHOUSE_OPTIONS = {
  clickhouse: { type: 'string' },
  'clickhouse-cluster': { type: 'string' },
  'clickhouse-database': { type: 'string' },
} as const;

export const CLICKHOUSE_USAGE = `  ClickHouse (serve, start, ingest, sample): --clickhouse URL[,URL…] [--clickhouse-cluster NAME] [--clickhouse-database DB]
          calls are mirrored from the DuckDB file (the control store) to ClickHouse and every metric is read there;
          a cluster gets Distributed tables sharded by callee (list every shard's URL, query node first, unless
          the cluster has ZooKeeper for ON CLUSTER). env: HANGUP_CLICKHOUSE_URL, HANGUP_CLICKHOUSE_USER,
          HANGUP_CLICKHOUSE_PASSWORD, HANGUP_CLICKHOUSE_CLUSTER, HANGUP_CLICKHOUSE_DATABASE
`;

export interface ClickHouseArgs {
  clickhouse?: string;
  'clickhouse-cluster'?: string;
  'clickhouse-database'?: string;
}

/**
 * With `--clickhouse` (or HANGUP_CLICKHOUSE_URL): connects, creates the tables, re-ships every call
 * when ClickHouse and the DuckDB control store disagree, and from then on mirrors every write and
 * answers every metric query from ClickHouse. Without: nothing (DuckDB serves, the default).
 */
export async function attachClickHouse(
  store: Store,
  args: ClickHouseArgs,
  env: NodeJS.ProcessEnv = process.env,
  log: (line: string) => void = (l) => console.error(l),
): Promise<ClickHouseStore | null> {
  const url = args.clickhouse ?? env.HANGUP_CLICKHOUSE_URL;
  if (!url) return null;
  const cluster = args['clickhouse-cluster'] ?? env.HANGUP_CLICKHOUSE_CLUSTER ?? null;
  const ch = await ClickHouseStore.connect({
    urls: parseUrls(url),
    cluster,
    database: args['clickhouse-database'] ?? env.HANGUP_CLICKHOUSE_DATABASE ?? 'default',
    username: env.HANGUP_CLICKHOUSE_USER,
    password: env.HANGUP_CLICKHOUSE_PASSWORD,
  });
  const mirror = new ClickHouseMirror(store.db, ch, {
    businessTimezone: store.settings.timezone,
    earlySeconds: store.settings.earlySeconds,
    log,
  });
  const t0 = Date.now();
  const { shipped, synced } = await mirror.open();
  attachMirror(store.db, mirror);
  useQueryStore(store.db, clickhouseQueryStore(ch, store.db));
  log(
    `ClickHouse ${ch.caps.version} at ${ch.engine.label} (${cluster ? `cluster ${cluster}, ${ch.shardEngines.length} URL(s)` : 'one server'}; ` +
      `${ch.caps.params ? 'query parameters' : 'values as checked literals'}): metrics read there` +
      (synced
        ? `; shipped ${shipped} call(s) from the control store in ${((Date.now() - t0) / 1000).toFixed(1)} s`
        : ''),
  );
  return ch;
}
