import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBPreparedStatement,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { memorySettings } from './memory.ts';
import { runMigrations } from './migrations.ts';
import { sqlText } from './sql-files.ts';

export type Params = Record<string, DuckDBValue>;
export type Types = Record<string, DuckDBType | undefined>;

/**
 * One DuckDB file, a small pool of read connections (queries run off the event loop, one
 * connection per concurrent request) and one connection reserved for writes.
 */
export class Database {
  private idle: DuckDBConnection[] = [];
  private waiting: ((c: DuckDBConnection) => void)[] = [];
  private statements = new WeakMap<DuckDBConnection, Map<string, Promise<DuckDBPreparedStatement>>>();
  /**
   * Bumped after every write. A statement prepared before rows arrive can read garbage
   * afterwards (@duckdb/node-api 1.5.6: prepared on an empty table, it returned corrupt strings
   * once rows were inserted), so cached statements are only reused within one generation.
   */
  private generation = 0;
  private preparedIn = new WeakMap<DuckDBConnection, number>();
  /** The write queue (`exclusive`): settles after the last queued write, whatever its outcome. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * What the stored derivations hold (server/db/derived.ts): the T the early/short flags were
   * derived with, and whether the rollups are current. The planner uses flags and rollups only
   * when they answer the request exactly.
   */
  readonly derived: { earlySeconds: number | null; rollups: boolean } = { earlySeconds: null, rollups: false };

  private constructor(
    readonly path: string,
    readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
  ) {}

  static async open(path: string, poolSize = 4): Promise<Database> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    // Bounded memory: queries and ingest spill to temp_directory beyond memory_limit.
    const memory = memorySettings(path);
    if (memory.tempDirectory) mkdirSync(memory.tempDirectory, { recursive: true });
    const instance = await DuckDBInstance.create(path, {
      memory_limit: memory.memoryLimit,
      ...(memory.tempDirectory ? { temp_directory: memory.tempDirectory } : {}),
    });
    const writer = await instance.connect();
    await runMigrations(writer);
    await writer.run(sqlText('schema'));
    await writer.run(sqlText('macros'));
    // Dialer-format helpers (TEMP: only the writer ingests) and query progress for long loads.
    await writer.run(sqlText('format_macros'));
    await writer.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    const db = new Database(path, instance, writer);
    for (let i = 0; i < poolSize; i++) db.idle.push(await instance.connect());
    return db;
  }

  /** Runs `fn` with a pooled connection; at most poolSize run at once, the rest queue. */
  async withConnection<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
    const con = this.idle.pop() ?? (await new Promise<DuckDBConnection>((r) => this.waiting.push(r)));
    try {
      return await fn(con);
    } finally {
      const next = this.waiting.shift();
      if (next) next(con);
      else this.idle.push(con);
    }
  }

  /**
   * Rows of `sql` on a given connection, as JSON-safe objects: for the write connection inside a
   * transaction, where the pooled `query` would see a different connection.
   */
  static async all<T = Record<string, unknown>>(con: DuckDBConnection, sql: string, params?: Params): Promise<T[]> {
    const reader = await con.runAndReadAll(sql, params);
    return reader.getRowObjectsJson() as T[];
  }

  /** The first row of `Database.all` (undefined when there is none). */
  static async one<T = Record<string, unknown>>(
    con: DuckDBConnection,
    sql: string,
    params?: Params,
  ): Promise<T | undefined> {
    return (await Database.all<T>(con, sql, params))[0];
  }

  /** Rows of a query as JSON-safe objects; prepared statements are cached per connection. */
  async query<T = Record<string, unknown>>(sql: string, params: Params = {}, types: Types = {}): Promise<T[]> {
    return this.withConnection(async (con) => {
      const stmt = await this.prepared(con, sql);
      if (Object.keys(params).length > 0) stmt.bind(params, types);
      const reader = await stmt.runAndReadAll();
      return reader.getRowObjectsJson() as T[];
    });
  }

  private prepared(con: DuckDBConnection, sql: string) {
    let byText = this.statements.get(con);
    if (!byText || this.preparedIn.get(con) !== this.generation) {
      this.statements.set(con, (byText = new Map()));
      this.preparedIn.set(con, this.generation);
    }
    let stmt = byText.get(sql);
    // Generated metric SQL differs per combination of filters present: keep the cache bounded.
    if (!stmt && byText.size >= 256) byText.clear();
    if (!stmt) {
      stmt = con.prepare(sql);
      stmt.catch(() => byText.delete(sql));
      byText.set(sql, stmt);
    }
    return stmt;
  }

  /**
   * Writes one at a time: `work` runs after every queued write (ingest, delete, user and audit
   * rows) and before the next, so the write connection never joins another writer's transaction.
   * For work that opens its own transaction(s) with `transaction`, or writes in several steps.
   */
  exclusive<T>(work: (con: DuckDBConnection) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => work(this.writer));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * `fn` in one transaction on the write connection: COMMIT when it resolves, ROLLBACK when it
   * throws (the error goes on); the data generation moves on either way. Only inside `exclusive`.
   */
  async transaction<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
    await this.writer.run('BEGIN TRANSACTION');
    try {
      const result = await fn(this.writer);
      await this.writer.run('COMMIT');
      return result;
    } catch (err) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      this.markWritten();
    }
  }

  /** A queued write in one transaction (`exclusive` + `transaction`): what most writers want. */
  write<T>(fn: (con: DuckDBConnection) => Promise<T>): Promise<T> {
    return this.exclusive(() => this.transaction(fn));
  }

  /** Call after any write, so later queries prepare their statements again. */
  markWritten(): void {
    this.generation++;
  }

  /** Bumped by every write: response caches key on it (server/routes/response-cache.ts). */
  get dataGeneration(): number {
    return this.generation;
  }

  /** The connection for writes: use it inside `exclusive` / `write`, which serialise writers. */
  get writeConnection(): DuckDBConnection {
    return this.writer;
  }

  close(): void {
    for (const c of this.idle) c.closeSync();
    this.writer.closeSync();
    this.instance.closeSync();
  }
}
