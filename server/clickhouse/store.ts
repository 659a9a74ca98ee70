import type { BoundParams } from '../semantic/dialect.ts';
import { inlineParams, usedParams } from './bind.ts';
import { HttpEngine, WRITE_SETTINGS, type ChEngine } from './engine.ts';
import type { ChValue } from './literal.ts';
import type { ClickHouseRollups } from './rollups.ts';
import {
  attrsDdl,
  distributedDdl,
  liveViewDdl,
  localTableDdl,
  tableNames,
  type ShippedColumn,
  type TableNames,
} from './schema.ts';

export interface ClickHouseConfig {
  /** HTTP URL of the server queries go to; more URLs (comma-separated) = every shard, for the DDL. */
  urls: string[];
  username?: string;
  password?: string;
  database?: string;
  /** `remote_servers` cluster name: Distributed tables over its shards; null = one server. */
  cluster?: string | null;
}

export interface Capabilities {
  version: string;
  /** `{name:Type}` query parameters (19.x+); else values are inlined by literal(). */
  params: boolean;
  /** LowCardinality without experimental settings. */
  lowCardinality: boolean;
}

/** Parses `--clickhouse` / HANGUP_CLICKHOUSE_URL: one URL, or a comma-separated list (query node first). */
export function parseUrls(text: string): string[] {
  const urls = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (urls.length === 0) throw new Error('no ClickHouse URL given');
  for (const u of urls) {
    const p = new URL(u);
    if (p.protocol !== 'http:' && p.protocol !== 'https:') throw new Error(`ClickHouse URL must be http(s): ${u}`);
  }
  return urls;
}

/**
 * A ClickHouse database holding the calls: the engine queries go to, the engines of every shard
 * (DDL), what the server can do, and the table names. Values reach SQL only through `{name:Type}`
 * placeholders: as query parameters when the server has them, else through literal().
 */
export class ClickHouseStore {
  /**
   * True when every partition on every shard is one part: ReplacingMergeTree merges keep one row
   * per call, so reads may skip FINAL (about 10x cheaper). Cleared before every write, set again
   * by settle(); while false, reads use FINAL and stay exact.
   */
  settled = false;
  /** The rollups kept on ClickHouse (set by the mirror when it opens; null = none, the planner reads calls). */
  rollups: ClickHouseRollups | null = null;

  private constructor(
    readonly engine: ChEngine,
    readonly shardEngines: ChEngine[],
    readonly caps: Capabilities,
    readonly names: TableNames,
    readonly cluster: string | null,
  ) {}

  static async connect(
    cfg: ClickHouseConfig,
    makeEngine: (url: string) => ChEngine = (url) =>
      new HttpEngine({ url, username: cfg.username, password: cfg.password }),
  ): Promise<ClickHouseStore> {
    const engines = cfg.urls.map(makeEngine);
    const caps = await probe(engines[0]!);
    return new ClickHouseStore(
      engines[0]!,
      engines,
      caps,
      tableNames(cfg.database ?? 'default', cfg.cluster ?? null),
      cfg.cluster ?? null,
    );
  }

  /** For an engine made elsewhere (chDB in the tests). */
  static async over(engine: ChEngine, database = 'default'): Promise<ClickHouseStore> {
    return new ClickHouseStore(engine, [engine], await probe(engine), tableNames(database, null), null);
  }

  /** Rows of a SELECT with `{name:Type}` placeholders filled from `params`. */
  async query<T = Record<string, unknown>>(sql: string, params: Record<string, ChValue> = {}): Promise<T[]> {
    return this.caps.params
      ? this.engine.select<T>(sql, usedParams(sql, params))
      : this.engine.select<T>(inlineParams(sql, params), null);
  }

  /** Rows of a query the semantic layer generated (BoundParams: name -> { type, value }). */
  run<T = Record<string, unknown>>(sql: string, params: BoundParams = {}): Promise<T[]> {
    return this.query<T>(sql, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v.value])));
  }

  /** A statement with placeholders (INSERT … SELECT, ALTER); values inlined by literal(). */
  async command(sql: string, params: Record<string, ChValue> = {}): Promise<void> {
    await this.engine.command(inlineParams(sql, params), this.cluster ? WRITE_SETTINGS : {});
  }

  /** Rows of calls (shipped columns + _version, _deleted) into the table every shard is fed from. */
  async insertCalls(rows: Record<string, unknown>[]): Promise<void> {
    await this.engine.insert(
      `\`${this.names.database}\`.\`${this.names.all}\``,
      rows,
      this.cluster ? WRITE_SETTINGS : {},
    );
  }

  /**
   * Creates the tables for these columns where missing: the ReplacingMergeTree on every shard
   * (each shard URL, or ON CLUSTER when only the query node is known), the Distributed table and
   * the live view on the query node.
   */
  async ensureSchema(cols: ShippedColumn[]): Promise<void> {
    const n = this.names;
    if (n.database !== 'default')
      for (const e of this.shardEngines) await e.command(`CREATE DATABASE IF NOT EXISTS \`${n.database}\``);
    const local = localTableDdl(n, cols);
    if (!this.cluster || this.shardEngines.length > 1) {
      for (const e of this.shardEngines) await e.command(local);
    } else {
      // One URL for a whole cluster: distributed DDL (needs ZooKeeper / Keeper on the cluster).
      try {
        await this.engine.command(local.replace(/^(CREATE TABLE IF NOT EXISTS \S+)/, `$1 ON CLUSTER ${this.cluster}`));
      } catch (err) {
        throw new Error(
          `could not create ${n.local} on every shard of cluster ${this.cluster} (ON CLUSTER needs ZooKeeper): ` +
            `give every shard's URL, comma-separated, query node first (${err instanceof Error ? err.message.split('\n')[0] : err})`,
        );
      }
    }
    if (this.cluster) await this.engine.command(distributedDdl(n, this.cluster));
    await this.engine.command(liveViewDdl(n));
    await this.engine.command(attrsDdl(n));
  }

  /**
   * Merges every partition that has more than one part (OPTIMIZE … FINAL on each shard), then
   * marks the store settled when each partition is one part everywhere. Needs every shard's URL
   * (with one URL for a whole cluster the other shards cannot be checked: reads keep FINAL).
   */
  async settle(): Promise<boolean> {
    this.settled = false;
    if (this.cluster && this.shardEngines.length < 2) return false;
    const { database, local } = this.names;
    const split = inlineParams(
      'SELECT partition, toInt64(count()) AS parts FROM system.parts WHERE active AND database = {db:String} AND table = {t:String} GROUP BY partition HAVING parts > 1',
      { db: database, t: local },
    );
    for (const e of this.shardEngines) {
      for (const { partition } of await e.select<{ partition: string }>(split, null)) {
        // toYYYYMM partitions: digits only, checked before they become SQL.
        if (!/^\d+$/.test(String(partition))) return false;
        await e.command(`OPTIMIZE TABLE \`${database}\`.\`${local}\` PARTITION ${partition} FINAL`, {
          optimize_throw_if_noop: 1,
        });
      }
    }
    for (const e of this.shardEngines) if ((await e.select(split, null)).length > 0) return false;
    this.settled = true;
    return true;
  }

  /** Columns of the ReplacingMergeTree as the server has them (name -> type). */
  async existingColumns(): Promise<Map<string, string>> {
    const rows = await this.query<{ name: string; type: string }>(
      'SELECT name, type FROM system.columns WHERE database = {db:String} AND table = {t:String}',
      { db: this.names.database, t: this.names.local },
    );
    return new Map(rows.map((r) => [r.name, r.type]));
  }

  async close(): Promise<void> {
    await Promise.all(this.shardEngines.map((e) => e.close()));
  }
}

async function probe(engine: ChEngine): Promise<Capabilities> {
  const [{ v }] = (await engine.select<{ v: string }>('SELECT version() AS v', null)) as [{ v: string }];
  let params = true;
  try {
    const [r] = await engine.select<{ p: number }>('SELECT {p:UInt8} AS p', { p: 7 });
    params = Number(r?.p) === 7;
  } catch {
    params = false; // 18.x: "Unknown setting param_p"
  }
  // 18.x has LowCardinality behind allow_experimental_low_cardinality_type (default 0); later it is on.
  const lc = await engine.select<{ value: string }>(
    "SELECT value FROM system.settings WHERE name = 'allow_experimental_low_cardinality_type'",
    null,
  );
  const lowCardinality = lc.length === 0 || lc[0]!.value === '1';
  return { version: v, params, lowCardinality };
}
