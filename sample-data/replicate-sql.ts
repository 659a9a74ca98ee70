/**
 * Benchmark sizes beyond what the SQL generator (generate-sql.ts) makes in the time at hand:
 * copies of generated calls (queries/bench/bench_replicate_calls.sql).
 */
import { VARCHAR } from '@duckdb/node-api';
import type { Database } from '../server/db/database.ts';
import { rebuildRollups } from '../server/db/derived.ts';
import { sqlText } from '../server/db/sql-files.ts';

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
  const t0 = Date.now();
  const con = db.writeConnection;
  const [idRow] = await db.query<{ id: number }>(sqlText('ingest_next_id'));
  const ingestId = Number(idRow!.id);
  await con.run('BEGIN TRANSACTION');
  try {
    for (let copy = 1; copy < o.times; copy++) {
      await con.run(sqlText('bench_replicate_calls'), {
        copy,
        n_base: o.base,
        source_ingest: o.sourceIngest,
        ingest_id: ingestId,
      });
      o.onProgress?.(copy);
    }
    await con.run(
      sqlText('ingest_log_add'),
      {
        ingest_id: ingestId,
        file_name: `replicated-${o.times - 1}x-${o.base}`,
        sha256: '-',
        format: 'generated',
        encoding: null,
        status: 'loaded',
        message: `copies of ingest ${o.sourceIngest} (sample-data/generate-sql.ts replicateCalls, benchmark)`,
        rows_read: (o.times - 1) * o.base,
        inserted: (o.times - 1) * o.base,
        duplicates: 0,
        rejected: 0,
        rejects_path: null,
        extra_columns: null,
        duration_ms: Date.now() - t0,
        folded: 0,
        fold_notes: null,
        source_timezone: null,
        unknown_party: 0,
        kind: 'calls',
        inbound: 0,
        timezone_inferred: false,
      },
      {
        encoding: VARCHAR,
        rejects_path: VARCHAR,
        extra_columns: VARCHAR,
        fold_notes: VARCHAR,
        source_timezone: VARCHAR,
      },
    );
    await con.run('COMMIT');
  } catch (err) {
    await con.run('ROLLBACK');
    throw err;
  }
  db.markWritten();
  const ms = Date.now() - t0;
  await rebuildRollups(db);
  return { ms, rollupsMs: Date.now() - t0 - ms };
}
