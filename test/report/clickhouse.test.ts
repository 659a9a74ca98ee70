// The weekly report on a ClickHouse-served deployment: its numbers come through the query store
// (here chDB, a current ClickHouse in-process), and equal the DuckDB file's for the same calls.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryStoreOf } from '../../server/db/query-store.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { gatherReportData, type ReportData, type ReportFilters } from '../../server/report/data.ts';
import { lastWeekWithData } from '../../server/report/default-week.ts';
import { writeSampleCsv } from '../../sample-data/generate.ts';
import { ChdbEngine } from '../clickhouse/chdb-engine.ts';
import { jsonDiff } from '../clickhouse/compare.ts';
import { mirroredStore } from '../clickhouse/setup.ts';
import { SETTINGS, tempStore } from '../helpers/temp-store.ts';

type Stores = [Awaited<ReturnType<typeof tempStore>>, Awaited<ReturnType<typeof mirroredStore>>];
let stores: Stores;
/** Every SQL text the report sent to ClickHouse. */
const sent: string[] = [];
const NONE: ReportFilters = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };

beforeAll(async () => {
  stores = [await tempStore(), await mirroredStore(new ChdbEngine())];
  const csv = join(stores[0].dir, 'sample.csv');
  await writeSampleCsv(csv, { calls: 4000, seed: 5 });
  for (const s of stores) {
    const r = await ingestFile(s.db, csv, {
      dataDir: s.dataDir,
      businessTimezone: SETTINGS.timezone,
      earlySeconds: 10,
    });
    expect(r.status).toBe('loaded');
  }
  const ch = queryStoreOf(stores[1].db);
  expect(ch.engine).toBe('clickhouse');
  const run = ch.run.bind(ch);
  ch.run = (sql, params) => (sent.push(sql), run(sql, params));
}, 300_000);
afterAll(async () => {
  await stores?.[1]?.cleanup();
  stores?.[0]?.cleanup();
});

/** The report data without what differs by the moment of the run (generation and ingest times). */
async function gather(s: Stores[number], filters: ReportFilters, settings = SETTINGS): Promise<ReportData> {
  const week = await lastWeekWithData(s.db, new Date('2026-12-01T00:00:00Z'), settings.timezone);
  const d = await gatherReportData(s.db, { week, filters, settings, now: new Date(0) });
  return { ...d, sources: d.sources.map((f) => ({ ...f, ingestedAt: null })), ingestedThisWeek: [] };
}

describe('weekly report on ClickHouse', () => {
  it.each([
    ['no filter', NONE, SETTINGS],
    ['two segments, T = 7', { ...NONE, segment: ['white_collar', 'retired'] }, { ...SETTINGS, earlySeconds: 7 }],
  ])(
    '%s: the same numbers as on DuckDB, read from ClickHouse',
    async (_, filters, settings) => {
      sent.length = 0;
      const [duck, ch] = await Promise.all(stores.map((s) => gather(s, filters, settings)));
      expect(duck.current.dials).toBeGreaterThan(100); // not vacuous: the week has calls
      expect(duck.decompositions.every((x) => x.result.segments.length > 0)).toBe(true);
      expect(jsonDiff(duck, ch)).toEqual([]);
      // The report's calls were read on ClickHouse: the date bounds, the metric queries and the sources.
      expect(sent.some((q) => /max\(local_date\)/.test(q))).toBe(true);
      expect(sent.some((q) => /GROUP BY `ingest_id`/.test(q))).toBe(true);
      // Metric queries count calls (countIf) or sum a ClickHouse rollup (`rollup_…_local` or `_all`).
      const metric = (q: string) => /countIf/.test(q) || /FROM `[^`]+`\.`rollup_[a-z_]+`/.test(q);
      expect(sent.filter(metric).length).toBeGreaterThanOrEqual(8);
    },
    120_000,
  );
});
