import { removeIngestCalls } from '../ingest/delete-ingest.ts';
import { VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import type { IngestReport } from '../ingest/ingest-file.ts';
import { part, partsJson, renderIngestMessage, renderPart } from '../ingest/message-parts.ts';
import { errorShape } from '../contract/error-shape.ts';
import type { CallsMirror } from './hooks.ts';
import { ClickHouseRollups, monthOf, rollupSignature, type Month } from './rollups.ts';
import { shippedColumns, type DuckColumn, type ShippedColumn } from './schema.ts';
import type { ClickHouseStore } from './store.ts';

/** Rows per INSERT: big enough for ClickHouse's liking (few parts), small enough to bound memory. */
export const DEFAULT_BATCH_ROWS = 20_000;

export interface MirrorOptions {
  batchRows?: number;
  businessTimezone: string;
  earlySeconds: number;
  log?: (line: string) => void;
}

/** Which calls one shipment carries (DuckDB WHERE over `calls`, its only parameter $ingest_id). */
const SCOPE = {
  /** A loaded file: its calls, and the older calls of its callees (their nth_call_30d may change). */
  ingest:
    'ingest_id = $ingest_id::INTEGER OR callee_id IN (SELECT callee_id FROM calls WHERE ingest_id = $ingest_id::INTEGER)',
  /**
   * After a deletion: the remaining calls of the callees it touched (renumbered), and the calls it
   * handed to another file that also holds them (beforeDelete tombstoned them with the file).
   */
  deletedCallees:
    'callee_id IN (SELECT callee_id FROM deleted_callees) OR call_id IN (SELECT call_id FROM delete_members WHERE other IS NOT NULL)',
  all: 'true',
} as const;

/**
 * Keeps ClickHouse's calls equal to the DuckDB control store's. DuckDB runs the whole ingest
 * pipeline (detection, mapping, validation with reasons, hashing, derived columns, dedupe,
 * nth_call_30d, dimension files, ingest_log); every change to `calls` is then shipped as inserts
 * into the ReplacingMergeTree under a new `_version`:
 *  - changed or new calls: the DuckDB row again (same key, higher version replaces it);
 *  - deleted calls: a `_deleted = 1` copy made server-side (INSERT … SELECT);
 *  - a batch sent twice is the same rows twice, which FINAL collapses: shipping is idempotent.
 * A failure mid-file undoes the file in DuckDB, marks it `failed` in ingest_log with the reason,
 * and the same bytes can be ingested again (its rows then replace whatever half arrived).
 */
export class ClickHouseMirror implements CallsMirror {
  private columns: ShippedColumn[] | null = null;
  /** Months whose calls changed since the rollups were last refreshed. */
  private readonly touched = new Set<Month>();

  constructor(
    readonly db: Database,
    readonly ch: ClickHouseStore,
    readonly opts: MirrorOptions,
  ) {}

  /** Columns of DuckDB's `calls`, as shipped (and the ClickHouse DDL made from them). */
  async shipped(): Promise<ShippedColumn[]> {
    if (this.columns) return this.columns;
    const cols = await this.db.query<{ name: string; type: string; nullable: string }>(
      sqlText('clickhouse_calls_columns'),
    );
    const duck: DuckColumn[] = cols.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable === 'YES' }));
    this.columns = shippedColumns(duck, this.ch.caps.lowCardinality);
    return this.columns;
  }

  /** Creates the ClickHouse tables, then ships everything if ClickHouse and DuckDB disagree. */
  async open(): Promise<{ shipped: number; synced: boolean }> {
    const cols = await this.shipped();
    await this.ch.ensureSchema(cols);
    const have = await this.ch.existingColumns();
    const missing = cols.filter((c) => !have.has(c.name));
    if (missing.length) {
      throw new Error(
        `ClickHouse table ${this.ch.names.local} lacks column(s) ${missing.map((c) => c.name).join(', ')}: ` +
          'drop the ClickHouse tables (calls, calls_all, calls_local) and start again to re-ship every call',
      );
    }
    this.ch.settled = false;
    const marker = this.marker();
    const [stored] = await this.db.query<{ value: string }>(sqlText('meta_get'), { key: 'clickhouse_sync' });
    const [duck] = await this.db.query<{ calls: number }>(sqlText('call_count'));
    const [ch] = await this.ch.query<{ calls: number }>(
      `SELECT toInt64(count()) AS calls FROM \`${this.ch.names.database}\`.\`${this.ch.names.calls}\``,
    );
    this.ch.rollups = new ClickHouseRollups(this.ch, cols);
    if (stored?.value === marker && Number(duck!.calls) === Number(ch!.calls)) {
      await this.settle();
      const [built] = await this.db.query<{ value: string }>(sqlText('meta_get'), { key: 'clickhouse_rollups' });
      if (built?.value === this.rollupMarker()) this.ch.rollups.ready = this.ch.rollups.possible;
      else await this.rebuildRollups();
      return { shipped: 0, synced: false };
    }
    const shipped = await this.syncAll();
    return { shipped, synced: true };
  }

  /** Ships every call under a new version, then marks older ClickHouse rows deleted. */
  async syncAll(): Promise<number> {
    const version = await this.nextVersion();
    const n = await this.ship(this.db.writeConnection, SCOPE.all, {}, version);
    await this.ch.command(this.tombstoneSql('_version < {v:UInt64}'), { v: version });
    await this.syncAttributes(version);
    await this.settle();
    this.touched.clear();
    await this.rebuildRollups();
    await this.db.writeConnection.run(sqlText('meta_set'), { key: 'clickhouse_sync', value: this.marker() });
    this.db.markWritten();
    return n;
  }

  async afterIngest(report: IngestReport): Promise<IngestReport> {
    if (report.status !== 'loaded') return report;
    const version = await this.nextVersion();
    try {
      if (report.kind === 'calls') {
        await this.ship(this.db.writeConnection, SCOPE.ingest, { ingest_id: report.ingestId }, version);
      } else {
        // Dimension and evidence files re-derive columns of calls of any file: ship them all.
        await this.ship(this.db.writeConnection, SCOPE.all, {}, version);
        await this.syncAttributes(version);
      }
      await this.settle();
      await this.refreshRollups();
      // Answers cached while the rows travelled are stale now (the response cache keys on this).
      this.db.markWritten();
      return report;
    } catch (err) {
      return this.undo(report, err);
    }
  }

  async beforeDelete(ingestId: number): Promise<void> {
    this.ch.settled = false;
    const version = await this.nextVersion();
    const { database, all } = this.ch.names;
    const months = await this.ch.query<{ m: number }>(
      `SELECT DISTINCT toYYYYMM(local_date) AS m FROM \`${database}\`.\`${all}\` WHERE ingest_id = {ingest_id:Int64}`,
      { ingest_id: ingestId },
    );
    for (const { m } of months) this.touched.add(Number(m));
    await this.ch.command(this.tombstoneSql('ingest_id = {ingest_id:Int64}'), { v: version, ingest_id: ingestId });
  }

  async afterDelete(_ingestId: number): Promise<void> {
    // deleted_callees and delete_members: TEMP tables of the deletion on the write connection.
    await this.db.writeConnection.run(
      'CREATE TEMP TABLE IF NOT EXISTS delete_members (call_id VARCHAR, other INTEGER)',
    );
    await this.ship(this.db.writeConnection, SCOPE.deletedCallees, {}, await this.nextVersion());
    await this.settle();
    await this.refreshRollups();
    this.db.markWritten();
  }

  /**
   * Brings the ClickHouse rollups up to the months the last write touched. A failure is not a
   * failed write: the rollups go off (the planner reads the calls) and the next write rebuilds them.
   */
  async refreshRollups(): Promise<void> {
    const rollups = this.ch.rollups;
    const months = [...this.touched];
    this.touched.clear();
    if (!rollups?.possible) return;
    if (!rollups.ready) return this.rebuildRollups();
    // Cleared first: a process stopped mid-refresh rebuilds at the next open.
    await this.db.writeConnection.run(sqlText('meta_set'), { key: 'clickhouse_rollups', value: '' });
    try {
      await rollups.refresh(months);
      await this.db.writeConnection.run(sqlText('meta_set'), { key: 'clickhouse_rollups', value: this.rollupMarker() });
    } catch (err) {
      rollups.ready = false;
      this.opts.log?.(`ClickHouse: rollups off until the next write (refresh failed: ${firstLine(err)})`);
    }
  }

  /** Every rollup again from the calls (first open, a changed definition, a full re-ship, after a failure). */
  private async rebuildRollups(): Promise<void> {
    const rollups = this.ch.rollups;
    if (!rollups?.possible) return;
    await this.db.writeConnection.run(sqlText('meta_set'), { key: 'clickhouse_rollups', value: '' });
    try {
      await rollups.rebuild();
      await this.db.writeConnection.run(sqlText('meta_set'), { key: 'clickhouse_rollups', value: this.rollupMarker() });
    } catch (err) {
      rollups.ready = false;
      this.opts.log?.(`ClickHouse: rollups off, the planner reads the calls (building them failed: ${firstLine(err)})`);
    }
  }

  /** What the stored ClickHouse rollups were built for: the definitions, T and the target. */
  private rollupMarker(): string {
    return `${this.marker()}|${rollupSignature(this.opts.earlySeconds)}`;
  }

  /**
   * Merges what the last write left in several parts, so reads can skip FINAL again. A failure
   * here is not a failed write: reads just keep FINAL until the next write settles.
   */
  async settle(): Promise<void> {
    try {
      await this.ch.settle();
    } catch (err) {
      this.opts.log?.(
        `ClickHouse: reads keep FINAL (merging after the write failed: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]})`,
      );
    }
  }

  /**
   * Streams the calls of `scope` from DuckDB into ClickHouse in batches of `batchRows`, each row
   * stamped with `version`. Returns the number of rows sent.
   */
  async ship(con: DuckDBConnection, scope: string, params: Record<string, number>, version: number): Promise<number> {
    this.ch.settled = false; // older versions may now sit beside the new rows: reads use FINAL
    const cols = await this.shipped();
    const select = cols.map((c) => `${c.duckExpr} AS "${c.name}"`).join(', ');
    const result = await con.stream(`SELECT ${select} FROM calls WHERE ${scope}`, params);
    const size = this.opts.batchRows ?? DEFAULT_BATCH_ROWS;
    let batch: Record<string, unknown>[] = [];
    let sent = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await this.ch.insertCalls(batch);
      sent += batch.length;
      batch = [];
    };
    for await (const rows of result.yieldRowObjectJson()) {
      for (const r of rows) {
        if (typeof r.local_date === 'string') this.touched.add(monthOf(r.local_date));
        r._version = version;
        r._deleted = 0;
        batch.push(r);
        if (batch.length >= size) await flush();
      }
    }
    await flush();
    return sent;
  }

  /** INSERT … SELECT copying live rows matching `cond` as deleted, under version {v}. */
  private tombstoneSql(cond: string): string {
    const { database: db, all } = this.ch.names;
    const names = (this.columns ?? []).map((c) => `\`${c.name}\``).join(', ');
    if (!names) throw new Error('ClickHouse mirror not opened');
    return `INSERT INTO \`${db}\`.\`${all}\` (${names}, _version, _deleted)
SELECT ${names}, {v:UInt64}, 1 FROM \`${db}\`.\`${all}\` FINAL WHERE _deleted = 0 AND ${cond}`;
  }

  /** Customer attributes for the attribute breakdown: the whole set under `version`, older sets removed. */
  private async syncAttributes(version: number): Promise<void> {
    const rows = await this.db.query<{ callee_id: string; name: string; value: string | null }>(
      sqlText('clickhouse_customer_attrs'),
    );
    const { database: db, attrs } = this.ch.names;
    for (let i = 0; i < rows.length; i += 50_000) {
      await this.ch.engine.insert(
        `\`${db}\`.\`${attrs}\``,
        rows.slice(i, i + 50_000).map((r) => ({ ...r, _version: version })),
      );
    }
    // Readers take the newest set only; dropping older sets is housekeeping (a mutation).
    await this.ch
      .command(`ALTER TABLE \`${db}\`.\`${attrs}\` DELETE WHERE _version < {v:UInt64}`, { v: version })
      .catch(() => undefined);
  }

  /**
   * A file whose calls did not all reach ClickHouse: take them out of DuckDB again (recounting
   * nth_call_30d of its callees), mark the file failed with the reason, and try to take back in
   * ClickHouse what did arrive. Re-ingesting the same bytes is then allowed.
   */
  private async undo(report: IngestReport, err: unknown): Promise<IngestReport> {
    const error = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
    // ClickHouse's error can quote a row it could not take: in the history every viewer reads, its
    // values by their shape; the server's log keeps the error as written.
    const reason = errorShape(error).slice(0, 300);
    const notStored = part('clickhouse_not_stored', { reason });
    const con = this.db.writeConnection;
    await con.run('BEGIN TRANSACTION');
    try {
      await removeIngestCalls(this.db, report.ingestId);
      await con.run(
        sqlText('clickhouse_ingest_failed'),
        {
          ingest_id: report.ingestId,
          message: renderPart(notStored),
          message_parts: partsJson([notStored]),
        },
        { message_parts: VARCHAR },
      );
      await con.run('COMMIT');
    } catch (e) {
      await con.run('ROLLBACK');
      throw e;
    } finally {
      this.db.markWritten();
    }
    const parts = [notStored];
    try {
      await this.beforeDelete(report.ingestId);
      await this.afterDelete(report.ingestId);
    } catch {
      parts.push(part('clickhouse_leftovers'));
    }
    const leftovers = parts.slice(1).map((p) => `; ${renderPart(p)}`);
    this.opts.log?.(
      `ingest #${report.ingestId} (${report.fileName}): ClickHouse failed: ${error.slice(0, 300)}${leftovers.join('')}`,
    );
    return { ...report, status: 'failed', inserted: 0, message: renderIngestMessage(parts), messageParts: parts };
  }

  /** Increasing row versions (microseconds, never repeating even when the clock stands still). */
  private async nextVersion(): Promise<number> {
    const [row] = await this.db.query<{ value: string }>(sqlText('meta_get'), { key: 'clickhouse_version' });
    const v = Math.max(Number(row?.value ?? 0) + 1, Date.now() * 1000);
    await this.db.writeConnection.run(sqlText('meta_set'), { key: 'clickhouse_version', value: String(v) });
    return v;
  }

  /** What the shipped rows depend on besides the calls: a change means ship everything again. */
  private marker(): string {
    return JSON.stringify({
      target: `${this.ch.engine.label}/${this.ch.names.database}/${this.ch.cluster ?? ''}`,
      timezone: this.opts.businessTimezone,
      earlySeconds: this.opts.earlySeconds,
    });
  }
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];
