/**
 * Benchmark sizes beyond what the SQL generator (generate-sql.ts) makes in the time at hand:
 * copies of generated calls (queries/bench/bench_replicate_calls.sql).
 */
import type { Database } from '../server/db/database.ts';
import { sqlText } from '../server/db/sql-files.ts';
import { recordGenerated } from './generate-sql.ts';

/**
 * Grows a store that holds `base` generated calls (ingest `sourceIngest`) to `times` x base by
 * copies with new call ids and callee keys (queries/bench/bench_replicate_calls.sql), then rebuilds the
 * rollups. For sizes the generator cannot make in the time at hand; every rate stays the
 * generated set's, and the benchmark says the data was replicated.
 */
export async function replicateCalls(
  db: Database,
  o: { base: number; times: number; sourceIngest: number; onProgress?: (copy: number) => void },
): Promise<{ ms: number; rollupsMs: number }> {
  const log = {
    fileName: `replicated-${o.times - 1}x-${o.base}`,
    message: `copies of ingest ${o.sourceIngest} (sample-data/replicate-sql.ts replicateCalls, benchmark)`,
  };
  return recordGenerated(db, log, async (con, ingestId) => {
    let rows = 0;
    for (let copy = 1; copy < o.times; copy++) {
      const res = await con.run(sqlText('bench_replicate_calls'), {
        copy,
        n_base: o.base,
        source_ingest: o.sourceIngest,
        ingest_id: ingestId,
      });
      rows += res.rowsChanged;
      o.onProgress?.(copy);
    }
    return rows;
  });
}
