import type { Database } from '../db/database.ts';
import { callsListing as scanListing, queryStoreOf } from '../db/query-store.ts';
import { sqlText } from '../db/sql-files.ts';
import { clickhouse as d } from './dialect.ts';
import { clickhouseOf } from './query-store.ts';
import type { ClickHouseRollups } from './rollups.ts';

/** The listings ClickHouse answers from its rollups, as DuckDB does (queries/clickhouse/). */
const FROM_ROLLUPS = {
  dimension_values: 'clickhouse_dimension_values',
  date_bounds: 'clickhouse_date_bounds',
} as const;

/**
 * server/db/query-store.ts callsListing, except that on ClickHouse with its rollups on the filter
 * menus and date bounds read the rollups (a few thousand rows per shard) instead of scanning
 * `calls` once per dimension (6 s at 10 M calls). Rollups off (one URL for a whole cluster, or a
 * refresh that failed): the scan, as before.
 */
export async function callsListing<T = Record<string, unknown>>(
  db: Database,
  name: 'call_count' | 'date_bounds' | 'dimension_values',
): Promise<T[]> {
  const ch = clickhouseOf(queryStoreOf(db));
  const rollups = ch?.rollups?.ready ? ch.rollups : null;
  if (!ch || !rollups || name === 'call_count') return scanListing<T>(db, name);
  return ch.query<T>(onRollups(sqlText(FROM_ROLLUPS[name]), rollups));
}

/** Fills each `{{rollup}}` slot with the table ClickHouse reads that rollup from (names from ROLLUPS only). */
export function onRollups(sql: string, rollups: ClickHouseRollups): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const from = rollups.fromOf(d.ident(name));
    if (from === null) throw new Error(`{{${name}}} names no rollup`);
    return from;
  });
}
