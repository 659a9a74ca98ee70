import type { Database } from '../db/database.ts';
import type { QueryStore } from '../db/query-store.ts';
import type { BoundParams } from '../semantic/dialect.ts';
import { clickhouse } from './dialect.ts';
import type { ClickHouseStore } from './store.ts';
import { rollupListing } from './listing.ts';

/**
 * The metric queries on ClickHouse. They read the ReplacingMergeTree (or, on a cluster, the
 * Distributed table, so each shard aggregates its own calls and the query node merges the
 * partial counts) with `_deleted = 0`, and with FINAL unless the last write was merged into one
 * part per partition everywhere (then every call is one row): exact before and after merges.
 */
export function clickhouseQueryStore(ch: ClickHouseStore, control: Database): QueryStore {
  const { database, all, attrs } = ch.names;
  // FINAL only while a write may have left a call in two parts (ClickHouseStore.settled).
  const final = () => (ch.settled ? '' : ' FINAL');
  // A Distributed left side sends the join to every shard; GLOBAL computes the right side once
  // on the query node (customer attributes live only there).
  const join = ch.cluster ? 'GLOBAL ANY LEFT JOIN' : 'ANY LEFT JOIN';
  return {
    engine: 'clickhouse',
    dialect: clickhouse,
    get calls() {
      return { from: `\`${database}\`.\`${all}\`${final()}`, where: ['_deleted = 0'] };
    },
    attributeJoin: (p) => ({
      // `AS calls`: the metric filters name their columns calls.<column> beside a join.
      from: `\`${database}\`.\`${all}\` AS calls${final()} ${join} (SELECT callee_id, value AS attr_value FROM \`${database}\`.\`${attrs}\`
    WHERE name = ${p} AND _version = (SELECT max(_version) FROM \`${database}\`.\`${attrs}\`)) AS a USING callee_id`,
      key: 'attr_value',
    }),
    // The flags were shipped as DuckDB derived them; the rollups are ClickHouse's own (rollups.ts).
    plannerState: async () => {
      const r = ch.rollups?.ready ? ch.rollups : null;
      return {
        flagsT: control.derived.earlySeconds,
        rollups: r !== null,
        sizes: r ? await r.rowCounts(control.dataGeneration) : undefined,
      };
    },
    rollupFrom: (planned) => ch.rollups?.fromOf(planned) ?? planned,
    listing: (name) => rollupListing(ch, name),
    run: <T>(sql: string, params: BoundParams = {}) => ch.run<T>(sql, params),
  };
}
