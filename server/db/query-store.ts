import { duckdb, type BoundParams, type Dialect } from '../semantic/dialect.ts';
import type { PlannerState } from '../semantic/planner.ts';
import { duckParams } from './bound.ts';
import { sqlText } from './sql-files.ts';
import type { Database } from './database.ts';

/**
 * Where the metric queries run: the DuckDB file (default) or ClickHouse (server/clickhouse/).
 * The semantic layer generates each query through `dialect`, reads the calls through `calls`
 * and sends the result through `run`; nothing else differs between engines. The DuckDB file
 * stays the control store either way (ingest_log, dimension files, meta).
 */
export interface QueryStore {
  readonly engine: 'duckdb' | 'clickhouse';
  readonly dialect: Dialect;
  /** FROM fragment of the live calls, and conditions every read of it adds (ClickHouse: FINAL, _deleted = 0). */
  readonly calls: { from: string; where: string[] };
  /** FROM fragment with customer attribute `attrParam` (a placeholder) joined to the calls, and its value column. */
  attributeJoin(attrParam: string): { from: string; key: string };
  /** Planner inputs when they are not DuckDB's own (ClickHouse: its own rollups and their sizes). */
  plannerState?(): Promise<PlannerState>;
  /** FROM fragment of the rollup the planner named (ClickHouse: its tables); absent = the name as is. */
  rollupFrom?(planned: string): string;
  /** A listing answered without scanning the calls (ClickHouse: from its rollups); null = scan. */
  listing?<T>(name: ListingName): Promise<T[]> | null;
  run<T = Record<string, unknown>>(sql: string, params?: BoundParams): Promise<T[]>;
}

export type ListingName = 'call_count' | 'date_bounds' | 'data_dates' | 'dimension_values';

const stores = new WeakMap<Database, QueryStore>();

/** Sends the metric queries of this database's routes to another engine (serve --clickhouse). */
export function useQueryStore(db: Database, store: QueryStore): void {
  stores.set(db, store);
}

/** The store metric queries of `db` run on: the one attached, else the DuckDB file itself. */
export function queryStoreOf(db: Database): QueryStore {
  return stores.get(db) ?? duckdbStore(db);
}

const duckStores = new WeakMap<Database, QueryStore>();

function duckdbStore(db: Database): QueryStore {
  let s = duckStores.get(db);
  if (!s) {
    s = {
      engine: 'duckdb',
      dialect: duckdb,
      calls: { from: 'calls', where: [] },
      attributeJoin: (p) => ({
        from: `calls LEFT JOIN dim_customer_attrs a ON a.callee_id = calls.callee_id AND a.name = ${p}`,
        key: 'a.value',
      }),
      run: <T>(sql: string, params: BoundParams = {}) => {
        const { params: p, types } = duckParams(params);
        return db.query<T>(sql, p, types);
      },
    };
    duckStores.set(db, s);
  }
  return s;
}

/** The filter-menu columns of `GET /api/dimensions` (queries/dimensions/dimension_values.sql names them the same). */
const LISTED: [string, string][] = [
  ['campaign', 'campaign'],
  ['script', 'script_id'],
  ['segment', 'segment'],
  ['numberTag', 'number_tag'],
  ['agent', 'agent_id'],
  ['ageBand', 'age_band'],
  ['callerNumber', 'caller_number'],
];

/**
 * Listings of the stored calls (not metrics): call count, date bounds, dates with calls, distinct values per
 * filter column. DuckDB runs its queries/*.sql files; another engine gets the same question
 * generated through its dialect.
 */
export async function callsListing<T = Record<string, unknown>>(db: Database, name: ListingName): Promise<T[]> {
  const q = queryStoreOf(db);
  if (q.engine === 'duckdb') return db.query<T>(sqlText(name));
  const own = q.listing?.<T>(name);
  if (own) return own;
  const d = q.dialect;
  const where = (extra: string[] = []) => {
    const all = [...q.calls.where, ...extra];
    return all.length ? ` WHERE ${all.join(' AND ')}` : '';
  };
  if (name === 'call_count')
    return q.run<T>(`SELECT ${d.countAll()} AS ${d.ident('calls')} FROM ${q.calls.from}${where()}`);
  if (name === 'date_bounds') {
    return q.run<T>(
      `SELECT ${d.formatDate('min(local_date)')} AS ${d.ident('firstDate')}, ${d.formatDate('max(local_date)')} AS ${d.ident('lastDate')}, ` +
        `${d.countAll()} AS ${d.ident('calls')} FROM ${q.calls.from}${where()}`,
    );
  }
  if (name === 'data_dates') {
    const date = d.formatDate('local_date');
    return q.run<T>(
      `SELECT ${date} AS ${d.ident('date')} FROM ${q.calls.from}${where()} GROUP BY local_date ORDER BY local_date`,
    );
  }
  const parts = LISTED.map(
    ([dim, col]) =>
      `SELECT '${dim}' AS ${d.ident('dimension')}, ${d.toText(d.ident(col))} AS ${d.ident('value')}, ${d.countAll()} AS ${d.ident('calls')} ` +
      `FROM ${q.calls.from}${where([`${d.ident(col)} IS NOT NULL`])} GROUP BY ${d.ident(col)}`,
  );
  return q.run<T>(
    `SELECT * FROM (\n${parts.join('\nUNION ALL\n')}\n) AS v ORDER BY ${d.ident('dimension')}, ${d.ident('value')}`,
  );
}
