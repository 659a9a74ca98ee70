import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSampleCsv, CSV_HEADER } from '../../sample-data/generate.ts';
import { valueLabel } from '../../server/contract/labels.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** The canonical ingest of issue 2 keeps working beside the dialer formats. */
describe('canonical files', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('buckets every row and keeps the accounting (no folding)', async () => {
    t = await formatStore();
    const path = join(t.dir, 'canon.csv');
    writeFileSync(
      path,
      [
        CSV_HEADER,
        'K1,2024-09-17T09:00:00+08:00,2024-09-17T09:00:05+08:00,2024-09-17T09:00:09+08:00,,,answered,human,callee,,c,A,a1,0211,,13800000001,,,',
        'K1,2024-09-17T09:00:00+08:00,,2024-09-17T09:00:30+08:00,,,no_answer,,,,c,A,a1,0211,,13800000001,,,',
        'K2,2024-09-17T09:05:00+08:00,,,,30,answered,,,,c,A,a1,0211,,13800000002,,,',
        'K3,2024-09-17T09:10:00+08:00,,2024-09-17T09:10:30+08:00,,,hung,,,,c,A,a1,0211,,13800000003,,,',
        'K4,,,2024-09-17T09:10:30+08:00,,,busy,,,,c,A,a1,0211,,13800000004,,,',
      ].join('\n') + '\n',
    );
    const r = await t.ingest(path);
    expect(r).toMatchObject({
      status: 'loaded',
      // The format's name, which the history, the inbox report and the dashboard's labels use (not `csv`).
      format: 'canonical',
      kind: 'calls',
      rowsRead: 5,
      calls: 5,
      folded: 0,
      inserted: 2,
      duplicates: 1,
      rejected: 2,
    });
    const rows = await t.store.db.query<{ call_id: string; ring_seconds: number | null; talk_seconds: number }>(
      'SELECT call_id, ring_seconds, talk_seconds FROM calls ORDER BY call_id',
    );
    // K2 is answered without an answer time: its ring time is unknown, not start-to-end.
    expect(rows).toEqual([
      { call_id: 'K1', ring_seconds: 5, talk_seconds: 4 },
      { call_id: 'K2', ring_seconds: null, talk_seconds: 30 },
    ]);
    const { body } = await t.api<{ ingests: { format: string }[] }>('/api/ingests');
    expect(body.ingests[0]!.format).toBe('canonical');
    expect(valueLabel('en', 'format', body.ingests[0]!.format)).toBe('Canonical CDR');
    expect(valueLabel('zh-CN', 'format', body.ingests[0]!.format)).toBe('标准话单');
  });

  it('loads the generated sample', async () => {
    t = await formatStore();
    const path = join(t.dir, 'sample.csv');
    await writeSampleCsv(path, { calls: 500, seed: 7 });
    const r = await t.ingest(path);
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 500, inserted: 500, duplicates: 0, rejected: 0, folded: 0 });
    expect((await t.api<{ dials: number }>('/api/summary')).body.dials).toBe(500);
    expect((await t.ingest(path)).status).toBe('repeated');
  });

  it('a file that is not any known format says what is missing', async () => {
    t = await formatStore();
    const path = join(t.dir, 'mystery.csv');
    writeFileSync(path, 'a,b,c\n1,2,3\n');
    const r = await t.ingest(path);
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(
      /^no known format: closest tried canonical \(missing call_id; started_at; disposition; ended_at or talk_seconds\)/,
    );
  });
});
