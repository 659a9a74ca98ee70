import { randomBytes } from 'node:crypto';
import { attachMirror } from '../../server/clickhouse/hooks.ts';
import { ClickHouseMirror } from '../../server/clickhouse/mirror.ts';
import { clickhouseQueryStore } from '../../server/clickhouse/query-store.ts';
import { ClickHouseStore, parseUrls, type ClickHouseConfig } from '../../server/clickhouse/store.ts';
import type { ChEngine } from '../../server/clickhouse/engine.ts';
import { HttpEngine } from '../../server/clickhouse/engine.ts';
import { useQueryStore } from '../../server/db/query-store.ts';
import { SETTINGS, tempStore } from '../helpers/temp-store.ts';
import { startCluster } from './cluster.ts';

/**
 * The ClickHouse the tests compare against: the two-shard cluster of Debian's clickhouse-server
 * they start themselves, or, with HANGUP_TEST_CLICKHOUSE_URL (comma-separated: every shard,
 * query node first; HANGUP_TEST_CLICKHOUSE_CLUSTER, _USER, _PASSWORD), any other ClickHouse.
 * Each run works in a database of its own and drops it afterwards.
 */
export interface Target {
  config: ClickHouseConfig;
  label: string;
  stop: () => Promise<void>;
}

export async function clickhouseTarget(): Promise<Target> {
  const database = `hangup_test_${randomBytes(4).toString('hex')}`;
  const external = process.env.HANGUP_TEST_CLICKHOUSE_URL;
  if (external) {
    const config: ClickHouseConfig = {
      urls: parseUrls(external),
      database,
      cluster: process.env.HANGUP_TEST_CLICKHOUSE_CLUSTER || null,
      username: process.env.HANGUP_TEST_CLICKHOUSE_USER,
      password: process.env.HANGUP_TEST_CLICKHOUSE_PASSWORD,
    };
    return {
      config,
      label: external,
      stop: async () => {
        for (const url of config.urls) {
          const e = new HttpEngine({ url, username: config.username, password: config.password });
          await e.command(`DROP DATABASE IF EXISTS \`${database}\``).catch(() => undefined);
          await e.close();
        }
      },
    };
  }
  const cluster = await startCluster(2);
  return {
    config: { urls: cluster.urls, database, cluster: cluster.cluster },
    label: `two local shards (clickhouse-server ${cluster.version})`,
    stop: cluster.stop,
  };
}

/** A DuckDB control store whose calls are mirrored to ClickHouse and whose metric routes read ClickHouse. */
export async function mirroredStore(
  target: ClickHouseConfig | ChEngine,
  opts: { batchRows?: number; wrap?: (e: ChEngine) => ChEngine } = {},
) {
  const store = await tempStore();
  const wrap = opts.wrap ?? ((e: ChEngine) => e);
  const ch =
    'urls' in target
      ? await ClickHouseStore.connect(target, (url) =>
          wrap(new HttpEngine({ url, username: target.username, password: target.password })),
        )
      : await ClickHouseStore.over(wrap(target), `hangup_${randomBytes(4).toString('hex')}`);
  const mirror = new ClickHouseMirror(store.db, ch, {
    businessTimezone: SETTINGS.timezone,
    earlySeconds: SETTINGS.earlySeconds,
    batchRows: opts.batchRows,
  });
  await mirror.open();
  attachMirror(store.db, mirror);
  useQueryStore(store.db, clickhouseQueryStore(ch, store.db));
  return {
    ...store,
    ch,
    mirror,
    cleanup: async () => {
      store.cleanup();
      await ch.close();
    },
  };
}
