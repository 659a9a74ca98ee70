import type { ListingName } from '../db/query-store.ts';
import { sqlText } from '../db/sql-files.ts';
import { clickhouse as d } from './dialect.ts';
import type { ClickHouseRollups } from './rollups.ts';
import type { ClickHouseStore } from './store.ts';

/** The listings ClickHouse answers from its rollups, as DuckDB does (queries/clickhouse/). */
const FROM_ROLLUPS = {
  dimension_values: 'clickhouse_dimension_values',
  date_bounds: 'clickhouse_date_bounds',
  data_dates: 'clickhouse_data_dates',
} as const;

/**
 * The filter menus and date bounds from the rollups (a few thousand rows per shard) instead of a
 * scan of `calls` per dimension (6 s at 10 M calls), as DuckDB answers them; null (the caller
 * scans) while the rollups are off (one URL for a whole cluster, or a refresh that failed) and for
 * the call count.
 */
export function rollupListing<T>(ch: ClickHouseStore, name: ListingName): Promise<T[]> | null {
  const rollups = ch.rollups?.ready ? ch.rollups : null;
  if (!rollups || name === 'call_count') return null;
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
