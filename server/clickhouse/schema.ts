/**
 * ClickHouse tables for the calls, generated from the DuckDB `calls` table of the control store
 * (so a column added there, such as a stored flag, comes along without a second schema).
 *
 * - `calls` is a ReplacingMergeTree keyed by (toDate(started_at), call_id) with a `_version`:
 *   every write is an insert (a re-sent batch is the same rows again; a re-derived call is the
 *   same key with a higher version; a deleted call is a `_deleted = 1` row with a higher
 *   version). Reads use `FINAL` and `_deleted = 0`, so answers are exact before merges.
 * - With a cluster: `calls_local` on every shard, `calls` a Distributed table over them, sharded
 *   by the callee hash so a callee's calls (and every version of a call) stay on one shard.
 * - Timestamps are `DateTime('UTC')` plus a `_ms` UInt16 column (no DateTime64 on 18.16).
 * - LowCardinality(String) for the short text columns only where the server allows it without
 *   experimental settings (19.x and later); plain String on 18.16.
 */
export interface DuckColumn {
  name: string;
  /** DuckDB data_type as information_schema reports it (VARCHAR, TIMESTAMP WITH TIME ZONE, ENUM(...), ...). */
  type: string;
  nullable: boolean;
}

/** How one DuckDB column travels: its ClickHouse column(s) and the DuckDB expression(s) that feed them. */
export interface ShippedColumn {
  name: string;
  chType: string;
  /** DuckDB SELECT expression producing the JSON value ClickHouse parses for this column. */
  duckExpr: string;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** Text columns with few distinct values (dictionary-encoded where the server allows it). */
const HIGH_CARDINALITY = new Set(['call_id', 'callee_id']);

export function shippedColumns(cols: DuckColumn[], lowCardinality: boolean): ShippedColumn[] {
  const out: ShippedColumn[] = [];
  for (const c of cols) {
    if (!IDENT.test(c.name)) throw new Error(`unexpected column name ${JSON.stringify(c.name)}`);
    const q = `"${c.name}"`;
    const wrap = (t: string) => (c.nullable ? `Nullable(${t})` : t);
    const type = c.type.toUpperCase();
    if (type.startsWith('TIMESTAMP')) {
      // Seconds in UTC as text ClickHouse parses in the column's zone, plus the milliseconds.
      out.push({
        name: c.name,
        chType: wrap(`DateTime('UTC')`),
        duckExpr: `strftime(timezone('UTC', ${q}), '%Y-%m-%d %H:%M:%S')`,
      });
      out.push({ name: `${c.name}_ms`, chType: wrap('UInt16'), duckExpr: `(epoch_ms(${q}) % 1000)::INTEGER` });
      continue;
    }
    let chType: string;
    let expr = q;
    if (type === 'VARCHAR' || type.startsWith('ENUM')) {
      const lc = lowCardinality && !HIGH_CARDINALITY.has(c.name);
      chType = lc ? `LowCardinality(${wrap('String')})` : wrap('String');
      if (type.startsWith('ENUM')) expr = `${q}::VARCHAR`;
    } else if (type === 'BOOLEAN') {
      // Flags count with countIf; a flag is never NULL (the semantic layer coalesces), so UInt8.
      chType = 'UInt8';
      expr = `coalesce(${q}, false)::INTEGER`;
    } else if (type === 'DATE') {
      chType = wrap('Date');
      expr = `strftime(${q}, '%Y-%m-%d')`;
    } else {
      const map: Record<string, string> = {
        DOUBLE: 'Float64',
        FLOAT: 'Float32',
        TINYINT: 'Int8',
        SMALLINT: 'Int16',
        INTEGER: 'Int32',
        BIGINT: 'Int64',
        UTINYINT: 'UInt8',
        USMALLINT: 'UInt16',
        UINTEGER: 'UInt32',
        UBIGINT: 'UInt64',
      };
      const t = map[type];
      if (!t) throw new Error(`no ClickHouse type for DuckDB ${c.type} (column ${c.name})`);
      chType = wrap(t);
      // 64-bit integers leave DuckDB as strings in JSON; ClickHouse parses either.
    }
    out.push({ name: c.name, chType, duckExpr: expr });
  }
  return out;
}

/** The bookkeeping columns every ClickHouse row carries. */
export const VERSION_COLUMNS = [
  { name: '_version', chType: 'UInt64' },
  { name: '_deleted', chType: 'UInt8' },
] as const;

export interface TableNames {
  database: string;
  /** The ReplacingMergeTree (on every shard with a cluster). */
  local: string;
  /** Where rows are inserted and read with FINAL: the Distributed table, or `local` itself. */
  all: string;
  /**
   * What every generated query reads as `calls`: a view of the live rows,
   * `SELECT * FROM <all> FINAL WHERE _deleted = 0`, so the metric SQL is the same text on both engines.
   */
  calls: string;
  attrs: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function tableNames(database: string, cluster: string | null): TableNames {
  if (!NAME.test(database)) throw new Error(`bad database name ${JSON.stringify(database)}`);
  if (cluster !== null && !NAME.test(cluster)) throw new Error(`bad cluster name ${JSON.stringify(cluster)}`);
  return {
    database,
    local: 'calls_local',
    all: cluster ? 'calls_all' : 'calls_local',
    calls: 'calls',
    attrs: 'dim_customer_attrs',
  };
}

/** `cityHash64(ifNull(callee_id, call_id))`: a callee's calls, and every version of a call, on one shard. */
export const SHARD_KEY = 'cityHash64(ifNull(callee_id, call_id))';

const q = (db: string, t: string) => `\`${db}\`.\`${t}\``;

/** CREATE TABLE for the ReplacingMergeTree (run on every shard with a cluster). */
export function localTableDdl(n: TableNames, cols: ShippedColumn[]): string {
  const defs = [...cols, ...VERSION_COLUMNS].map((c) => `\`${c.name}\` ${c.chType}`);
  // The key never changes for a call (started_at is an instant), so every version of it collapses.
  return `CREATE TABLE IF NOT EXISTS ${q(n.database, n.local)} (\n  ${defs.join(',\n  ')}\n)
ENGINE = ReplacingMergeTree(_version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (toDate(started_at), call_id)`;
}

/** CREATE TABLE for the Distributed table over the cluster's shards (on the query node). */
export function distributedDdl(n: TableNames, cluster: string): string {
  return `CREATE TABLE IF NOT EXISTS ${q(n.database, n.all)} AS ${q(n.database, n.local)}
ENGINE = Distributed(${cluster}, ${n.database}, ${n.local}, ${SHARD_KEY})`;
}

/** The live-rows view every query reads as `calls` (exact before merges: FINAL, then _deleted). */
export function liveViewDdl(n: TableNames): string {
  return `CREATE VIEW IF NOT EXISTS ${q(n.database, n.calls)} AS SELECT * FROM ${q(n.database, n.all)} FINAL WHERE _deleted = 0`;
}

/**
 * Customer attributes (customers files) for the attribute breakdown: small, on the query node
 * only (cluster queries join it with GLOBAL). Each sync writes the whole set under a new
 * version; readers take the newest set.
 */
export function attrsDdl(n: TableNames): string {
  return `CREATE TABLE IF NOT EXISTS ${q(n.database, n.attrs)} (
  callee_id String, name String, value Nullable(String), _version UInt64
) ENGINE = MergeTree ORDER BY (_version, name, callee_id)`;
}
