import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../server/db/database.ts';
import { loadCalleeKey } from '../../server/ingest/callee-key.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { emptyStore, makeCsv } from './ingest-bench.ts';
import { ingestFloor } from './ingest-floor.ts';
import { SETTINGS, tempStore } from '../helpers/temp-store.ts';

// The floor is only a fair yardstick if it stores what `hangup ingest` stores: same rows, same
// columns, same rollups (nth_call_30d and its rollup aside, which the floor leaves out).
describe('the storing floor of the ingest bench', () => {
  const dir = mkdtempSync(join(tmpdir(), 'floor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stores the same calls and rollups as hangup ingest, from the same file', async () => {
    const rows = 3_000;
    const csv = await makeCsv(join(dir, 'calls.csv'), rows, 'T', 5);
    const ingested = await tempStore();
    try {
      const r = await ingestFile(ingested.db, csv.path, {
        dataDir: ingested.dataDir,
        businessTimezone: SETTINGS.timezone,
        earlySeconds: SETTINGS.earlySeconds,
      });
      expect(r.inserted).toBe(rows);
      const floorDb = join(dir, 'floor', 'hangup.duckdb');
      await emptyStore(floorDb);
      const f = await ingestFloor(floorDb, SETTINGS, csv.path, rows, loadCalleeKey(ingested.dataDir));
      expect(f.totalMs).toBeGreaterThanOrEqual(f.insertMs + f.rollupsMs);

      const floor = await Database.open(floorDb);
      try {
        const same = async (sql: string) => {
          const a = await ingested.db.query(sql);
          const b = await floor.query(sql);
          expect(a.length).toBeGreaterThan(0);
          expect(b).toEqual(a);
        };
        await same('SELECT * EXCLUDE (ingest_id, nth_call_30d) FROM calls ORDER BY call_id');
        await same('SELECT * FROM rollup_day ORDER BY ALL');
        await same('SELECT * FROM rollup_talk_agent_all ORDER BY ALL');
      } finally {
        floor.close();
      }
    } finally {
      ingested.cleanup();
    }
  });
});
