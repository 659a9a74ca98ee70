import { expect } from 'vitest';
import type { IngestReport } from '../../server/ingest/ingest-types.ts';

/** The buckets an example table gives for one file (worked out by hand from its rows). */
export interface Buckets {
  rows: number;
  calls: number;
  folded: number;
  inserted: number;
  rejected: number;
  inbound?: number;
}

/**
 * The report's buckets equal the hand count (no duplicate in a first load), and every row read
 * is in exactly one: rows read = calls + folded, calls = inserted + duplicates + rejected + inbound.
 */
export function expectBuckets(r: IngestReport, c: Buckets): void {
  expect(r.status, r.message ?? '').toBe('loaded');
  expect({
    rows: r.rowsRead,
    calls: r.calls,
    folded: r.folded,
    inserted: r.inserted,
    duplicates: r.duplicates,
    rejected: r.rejected,
    inbound: r.inbound,
  }).toEqual({
    rows: c.rows,
    calls: c.calls,
    folded: c.folded,
    inserted: c.inserted,
    duplicates: 0,
    rejected: c.rejected,
    inbound: c.inbound ?? 0,
  });
  expect(r.rowsRead).toBe(r.calls + r.folded);
  expect(r.calls).toBe(r.inserted + r.duplicates + r.rejected + r.inbound);
}
