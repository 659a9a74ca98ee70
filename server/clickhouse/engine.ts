import { createClient, ClickHouseLogLevel, type ClickHouseClient } from '@clickhouse/client';
import type { ChValue } from './literal.ts';

/**
 * What the store needs from a ClickHouse engine. Implemented over HTTP with the official
 * `@clickhouse/client` (any server, 18.16 included) and, in the tests, by chDB in-process.
 * Rows come back as JSONEachRow objects with 64-bit integers as JSON numbers and NULL for
 * missing join rows (join_use_nulls), like DuckDB's rows.
 */
export interface ChEngine {
  readonly label: string;
  /** Runs a SELECT; `queryParams` is null when the SQL has its values inlined already. */
  select<T = Record<string, unknown>>(sql: string, queryParams: Record<string, ChValue> | null): Promise<T[]>;
  /** DDL and other statements without a result. */
  command(sql: string, settings?: Record<string, number>): Promise<void>;
  /** Inserts rows (objects keyed by column name) into `table`. */
  insert(table: string, rows: Record<string, unknown>[], settings?: Record<string, number>): Promise<void>;
  close(): Promise<void>;
}

/** Settings every read needs to return rows shaped like DuckDB's. */
export const READ_SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
  // A LEFT JOIN without a match gives NULL, not '' or 0 (the attribute breakdown's key: null).
  join_use_nulls: 1,
} as const;

/**
 * Settings of every write: an INSERT into a Distributed table returns only once each shard has
 * its rows (the default queues them on the initiator and sends them later, so a read right after
 * an ingest would miss calls).
 */
export const WRITE_SETTINGS = { insert_distributed_sync: 1 } as const;

export interface HttpOptions {
  url: string;
  username?: string;
  password?: string;
  database?: string;
  /** Per-request timeout (ms). */
  timeoutMs?: number;
}

/** A ClickHouse server over HTTP. */
export class HttpEngine implements ChEngine {
  readonly label: string;
  private readonly client: ClickHouseClient;

  constructor(readonly options: HttpOptions) {
    const u = new URL(options.url);
    this.label = `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
    this.client = createClient({
      url: options.url,
      username: options.username ?? 'default',
      password: options.password ?? '',
      database: options.database,
      request_timeout: options.timeoutMs ?? 300_000,
      // 18.16 does not know newer settings the client could send by default; ask for none.
      compression: { request: false, response: false },
      log: { level: ClickHouseLogLevel.OFF },
    });
  }

  async select<T>(sql: string, queryParams: Record<string, ChValue> | null): Promise<T[]> {
    const rs = await this.client.query({
      query: sql,
      format: 'JSONEachRow',
      clickhouse_settings: READ_SETTINGS,
      ...(queryParams && Object.keys(queryParams).length
        ? { query_params: queryParams as Record<string, unknown> }
        : {}),
    });
    return (await rs.json()) as T[];
  }

  async command(sql: string, settings: Record<string, number> = {}): Promise<void> {
    await this.client.command({ query: sql, clickhouse_settings: settings });
  }

  async insert(table: string, rows: Record<string, unknown>[], settings: Record<string, number> = {}): Promise<void> {
    if (rows.length === 0) return;
    await this.client.insert({ table, values: rows, format: 'JSONEachRow', clickhouse_settings: settings });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
