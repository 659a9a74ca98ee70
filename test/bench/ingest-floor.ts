/**
 * The storing floor of an ingest: what DuckDB takes to store a canonical CSV as `calls` holds it
 * (every column, the callee HMAC, local time, the stored flags) in one INSERT from its reader, with
 * nothing checked, deduplicated or surveyed; then the rollups of those calls, in the same
 * transaction as `hangup ingest` keeps them. Set against read_csv in the same run, it says how much
 * of the ingest target any design keeping the stored columns and rollups can reach.
 */
import { BLOB, blobValue, DOUBLE, INTEGER, VARCHAR } from '@duckdb/node-api';
import { randomBytes } from 'node:crypto';
import { rollupsAfterIngest } from '../../server/db/derived.ts';
import { hmacPads } from '../../server/ingest/callee-key.ts';
import { openStore } from '../../server/store.ts';
import { withStoredFlags } from '../../sample-data/generate-sql.ts';
import { now } from './measure.ts';

export interface IngestFloor {
  /** The INSERT of every row, in ms. */
  insertMs: number;
  /** The rollups of the inserted calls (the ingest's hook), in ms. */
  rollupsMs: number;
  /** Both and the COMMIT, in ms. */
  totalMs: number;
}

/** Into the empty store at `dbPath`, opened with `settings` (the business timezone, T). */
export async function ingestFloor(
  dbPath: string,
  settings: { timezone: string; earlySeconds: number },
  csvPath: string,
  rows: number,
  /** The callee-hash key (a test passes the store's it compares with); the cost is the same. */
  key: Buffer = randomBytes(32),
): Promise<IngestFloor> {
  const store = await openStore(dbPath, settings);
  try {
    const { ipad, opad } = hmacPads(key);
    const ingestId = 1;
    const t0 = now();
    let insertMs = 0;
    let rollupsMs = 0;
    await store.db.write(async (con) => {
      let t = now();
      const res = await con.run(
        withStoredFlags('bench_ingest_floor'),
        {
          path: csvPath,
          ipad: blobValue(ipad),
          opad: blobValue(opad),
          business_tz: settings.timezone,
          early_seconds: settings.earlySeconds,
          ingest_id: ingestId,
        },
        { path: VARCHAR, ipad: BLOB, opad: BLOB, business_tz: VARCHAR, early_seconds: DOUBLE, ingest_id: INTEGER },
      );
      insertMs = now() - t;
      if (res.rowsChanged !== rows) throw new Error(`the storing floor stored ${res.rowsChanged} of ${rows} rows`);
      t = now();
      await rollupsAfterIngest(store.db, ingestId, 'calls');
      rollupsMs = now() - t;
    });
    return { insertMs, rollupsMs, totalMs: now() - t0 };
  } finally {
    store.db.close();
  }
}
