import type { Database } from '../db/database.ts';
import type { QueryStore } from '../db/query-store.ts';
import type { BoundParams } from '../semantic/dialect.ts';
import { clickhouse } from './dialect.ts';
import type { ClickHouseStore } from './store.ts';

/**
 * The metric queries on ClickHouse. They read the ReplacingMergeTree (or, on a cluster, the
 * Distributed table, so each shard aggregates its own calls and the query node merges the
 * partial counts) with FINAL and `_deleted = 0`: exact before background merges.
 */
export function clickhouseQueryStore(ch: ClickHouseStore, control: Database): QueryStore {
  const { database, all, attrs } = ch.names;
  const from = `\`${database}\`.\`${all}\` FINAL`;
  // A Distributed left side sends the join to every shard; GLOBAL computes the right side once
  // on the query node (customer attributes live only there).
  const join = ch.cluster ? 'GLOBAL ANY LEFT JOIN' : 'ANY LEFT JOIN';
  return {
    engine: 'clickhouse',
    dialect: clickhouse,
    calls: { from, where: ['_deleted = 0'] },
    attributeJoin: (p) => ({
      // `AS calls`: the metric filters name their columns calls.<column> beside a join.
      from: `\`${database}\`.\`${all}\` AS calls FINAL ${join} (SELECT callee_id, value AS attr_value FROM \`${database}\`.\`${attrs}\`
    WHERE name = ${p} AND _version = (SELECT max(_version) FROM \`${database}\`.\`${attrs}\`)) AS a USING callee_id`,
      key: 'attr_value',
    }),
    // No rollups here: ClickHouse scans are the rollup. The flags were shipped as DuckDB derived them.
    plannerState: async () => ({ flagsT: control.derived.earlySeconds, rollups: false }),
    run: <T>(sql: string, params: BoundParams = {}) => ch.run<T>(sql, params),
  };
}
