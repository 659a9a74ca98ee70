/**
 * The best-case raw DuckDB query for each API case (queries/bench/bench_raw_*.sql): the same numbers in
 * one scan over stored columns, only the filters present, no HTTP, no JSON reshaping.
 */
import { DuckDBInstance, type DuckDBConnection, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { FILTER, type ApiCase } from './cases.ts';
import type { ComparisonEngine } from './engine-types.ts';
import { rawSql } from './raw-sql.ts';

export async function duckdbEngine(): Promise<ComparisonEngine> {
  let instance: DuckDBInstance | null = null;
  let con: DuckDBConnection | null = null;
  const prepared = new Map<string, Promise<DuckDBPreparedStatement>>();
  return {
    name: 'duckdb',
    unavailable: async () => null,
    async load(ctx) {
      const t = Date.now();
      instance = await DuckDBInstance.create(ctx.duckdbPath, { access_mode: 'READ_ONLY' });
      con = await instance.connect();
      return {
        ms: Date.now() - t,
        note: 'same file, read-only, default settings (all cores, memory limit 80% of RAM)',
      };
    },
    query(c: ApiCase) {
      if (!c.raw) return undefined;
      const sql = rawSql(c.raw);
      const filtered = c.raw.filtered;
      return async () => {
        let stmt = prepared.get(sql);
        if (!stmt) prepared.set(sql, (stmt = con!.prepare(sql)));
        const s = await stmt;
        if (filtered) s.bind({ from: FILTER.from, to: FILTER.to, campaign: FILTER.campaign });
        return (await s.runAndReadAll()).getRowObjectsJson();
      };
    },
    async close() {
      con?.closeSync();
      instance?.closeSync();
      con = null;
      instance = null;
    },
  };
}
