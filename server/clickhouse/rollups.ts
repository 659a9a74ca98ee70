/**
 * The rollups of server/semantic/rollups.ts (every RollupDef of ROLLUPS, every count of COUNTS)
 * on ClickHouse, so the planner answers from them there as it does on DuckDB.
 *
 * - Each shard holds the rollup of its own calls (`<name>_local`, a MergeTree partitioned by month
 *   like the calls), computed on the shard from `calls_local`; with a cluster `<name>_all` is a
 *   Distributed table over them and reads sum the shards' partial counts, as for `calls`.
 * - A write refreshes the months it touched: the month is aggregated again into `<name>_stage`
 *   and swapped in with `ALTER TABLE … REPLACE PARTITION … FROM` (atomic per month). Each month is
 *   then exactly one aggregate of the live calls: one row per group, no versions, no tombstones,
 *   exact before and after merges.
 * - Text grain columns may be NULL (no segment): the sorting key holds assumeNotNull(c), isNull(c),
 *   so NULL and '' are different groups, as in DuckDB, on 18.16 (no nullable keys) and current releases.
 * - Refreshing needs every shard's URL (as settle() does): with one URL for a whole cluster the
 *   rollups stay off and the planner reads the calls.
 */
import { COUNTS } from '../semantic/measures.ts';
import { ROLLUPS, ROLLUP_VERSION, type RollupDef } from '../semantic/rollups.ts';
import { clickhouse as d } from './dialect.ts';
import type { ChEngine } from './engine.ts';
import type { ShippedColumn } from './schema.ts';
import type { ChValue } from './literal.ts';

/**
 * The dated grains only: an all-dates twin (`parent` set) is its parent summed over every date, so
 * on ClickHouse a request the planner gives to a twin reads the parent's table (same sums; the
 * twins exist to spare DuckDB's single node that sum, the shards share it here).
 */
const DATED = ROLLUPS.filter((r) => !r.parent);

/** Month partitions as toYYYYMM gives them (checked digits before they become SQL). */
export type Month = number;

export const monthOf = (isoDate: string): Month => Number(isoDate.slice(0, 4)) * 100 + Number(isoDate.slice(5, 7));

const checkedMonth = (m: Month) => {
  if (!Number.isInteger(m) || m < 100001 || m > 999912) throw new Error(`bad month partition ${m}`);
  return m;
};

/** The tables of one rollup: per shard `local` and `stage`; `read` is what queries name. */
export function rollupTables(r: RollupDef, cluster: string | null) {
  return { local: `${r.name}_local`, stage: `${r.name}_stage`, read: cluster ? `${r.name}_all` : `${r.name}_local` };
}

/** What the definitions and the shipped flags give: a change rebuilds every ClickHouse rollup. */
export function rollupSignature(earlySeconds: number): string {
  return JSON.stringify({
    version: ROLLUP_VERSION,
    earlySeconds,
    grains: DATED.map((r) => [r.name, ...r.columns]),
    counts: COUNTS.map((c) => [c.rollupColumn, c.flag]),
  });
}

/** What the rollups need of the store (store.ts owns a ClickHouseRollups: no import back). */
export interface RollupHost {
  readonly cluster: string | null;
  readonly engine: ChEngine;
  readonly shardEngines: ChEngine[];
  readonly names: { database: string; local: string };
  readonly settled: boolean;
  query<T>(sql: string, params?: Record<string, ChValue>): Promise<T[]>;
}

export class ClickHouseRollups {
  /** True while every rollup holds exactly the live calls (set after a full build, cleared by a failed refresh). */
  ready = false;
  private sizes: { at: number; sizes: Record<string, number> } | null = null;

  constructor(
    readonly ch: RollupHost,
    readonly columns: ShippedColumn[],
  ) {}

  /** Per-shard refresh needs every shard's engine; one URL for a cluster cannot reach the others. */
  get possible(): boolean {
    return !this.ch.cluster || this.ch.shardEngines.length > 1;
  }

  private q(table: string): string {
    return `${d.ident(this.ch.names.database)}.${d.ident(table)}`;
  }

  private ddl(r: RollupDef, table: string): string {
    const types = new Map(this.columns.map((c) => [c.name, c.chType]));
    const dims = r.columns.map((c) => {
      const t = types.get(c);
      if (!t) throw new Error(`rollup ${r.name}: calls has no column ${c}`);
      return `${d.ident(c)} ${t}`;
    });
    const counts = COUNTS.map((c) => `${d.ident(c.rollupColumn)} Int64`);
    const key = r.columns.flatMap((c) =>
      types.get(c)!.includes('Nullable') ? [`assumeNotNull(${d.ident(c)})`, `isNull(${d.ident(c)})`] : [d.ident(c)],
    );
    return `CREATE TABLE IF NOT EXISTS ${this.q(table)} (${[...dims, ...counts].join(', ')})
ENGINE = MergeTree PARTITION BY toYYYYMM(local_date) ORDER BY (${key.join(', ')})`;
  }

  /** INSERT of the aggregate of a shard's live calls (of `months`, or all) into `table`. */
  private fillSql(r: RollupDef, table: string, months: Month[] | null): string {
    const dims = r.columns.map((c) => d.ident(c));
    const counts = COUNTS.map((c) => (c.flag === null ? d.countAll() : d.countIf(d.ident(c.flag))));
    const where = ['_deleted = 0'];
    if (months) where.push(`toYYYYMM(local_date) IN (${months.map(checkedMonth).join(', ')})`);
    // FINAL unless the last write was merged to one part per partition (ClickHouseStore.settled).
    const final = this.ch.settled ? '' : ' FINAL';
    return `INSERT INTO ${this.q(table)} (${[...dims, ...COUNTS.map((c) => d.ident(c.rollupColumn))].join(', ')})
SELECT ${[...dims, ...counts].join(', ')} FROM ${this.q(this.ch.names.local)}${final}
WHERE ${where.join(' AND ')} GROUP BY ${dims.join(', ')}`;
  }

  /** Drops and creates every rollup table, then fills each from the calls of its shard. */
  async rebuild(): Promise<void> {
    this.ready = false;
    this.sizes = null;
    if (!this.possible) return;
    for (const r of DATED) {
      const t = rollupTables(r, this.ch.cluster);
      for (const e of this.ch.shardEngines) {
        for (const table of [t.local, t.stage]) {
          await e.command(`DROP TABLE IF EXISTS ${this.q(table)}`);
          await e.command(this.ddl(r, table));
        }
        await e.command(this.fillSql(r, t.local, null));
      }
      if (this.ch.cluster) {
        await this.ch.engine.command(`DROP TABLE IF EXISTS ${this.q(t.read)}`);
        await this.ch.engine.command(
          `CREATE TABLE ${this.q(t.read)} AS ${this.q(t.local)} ENGINE = Distributed(${this.ch.cluster}, ${this.ch.names.database}, ${t.local})`,
        );
      }
    }
    this.ready = true;
  }

  /** Aggregates the touched months again on every shard and swaps them in; a failure turns the rollups off. */
  async refresh(months: Iterable<Month>): Promise<void> {
    const list = [...new Set(months)].map(checkedMonth).sort();
    this.sizes = null;
    if (!this.ready || list.length === 0) return;
    this.ready = false;
    for (const r of DATED) {
      const t = rollupTables(r, this.ch.cluster);
      for (const e of this.ch.shardEngines) await this.swap(e, r, t, list);
    }
    this.ready = true;
  }

  private async swap(e: ChEngine, r: RollupDef, t: ReturnType<typeof rollupTables>, months: Month[]) {
    await e.command(`TRUNCATE TABLE ${this.q(t.stage)}`);
    await e.command(this.fillSql(r, t.stage, months));
    // A month without calls any more is absent from the stage: replacing drops it.
    for (const m of months)
      await e.command(`ALTER TABLE ${this.q(t.local)} REPLACE PARTITION ${m} FROM ${this.q(t.stage)}`);
  }

  /** The FROM fragment of a rollup the planner chose (by its quoted name), or null when it is not one. */
  fromOf(planned: string): string | null {
    const r = ROLLUPS.find((x) => d.ident(x.name) === planned);
    const table = r && DATED.find((x) => x.name === (r.parent ?? r.name));
    return table ? this.q(rollupTables(table, this.ch.cluster).read) : null;
  }

  /** Rows per rollup on the query node's shard (relative sizes: the planner takes the smallest), re-read after writes. */
  async rowCounts(generation: number): Promise<Record<string, number>> {
    if (this.sizes?.at === generation) return this.sizes.sizes;
    const rows = await this.ch.query<{ table: string; n: number }>(
      'SELECT table, toInt64(sum(rows)) AS n FROM system.parts WHERE active AND database = {db:String} GROUP BY table',
      { db: this.ch.names.database },
    );
    const byTable = new Map(rows.map((x) => [x.table, Number(x.n)]));
    const sizes = Object.fromEntries(
      ROLLUPS.map((r) => [
        r.name,
        byTable.get(
          rollupTables(
            DATED.find((x) => x.name === (r.parent ?? r.name))!,
            this.ch.cluster,
          ).local,
        ) ?? 0,
      ]),
    );
    this.sizes = { at: generation, sizes };
    return sizes;
  }
}
