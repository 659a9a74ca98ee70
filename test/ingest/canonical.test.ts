import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csv, HEADER, ingestText, tempStore } from '../helpers/temp-store.ts';

const ok = (id: string, extra: Record<string, string | number> = {}) => ({
  call_id: id,
  started_at: '2026-09-07T10:00:00+08:00',
  disposition: 'answered',
  talk_seconds: 30,
  hangup_by: 'agent',
  ...extra,
});

describe('canonical ingest: nothing lost, nothing doubled', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  beforeEach(async () => (store = await tempStore()));
  afterEach(() => store.cleanup());
  const count = async () => (await store.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM calls'))[0]!.n;

  it('puts every row in one bucket and writes rejects with reasons naming the column', async () => {
    const text =
      csv([
        ok('a1'),
        ok('a2', { started_at: '2026-13-01' }),
        ok('a3', { disposition: 'maybe' }),
        ok('a1'), // repeated inside the file
        ok('a4', { talk_seconds: -3 }),
        ok('a5', { talk_seconds: '' }), // answered with no talk time at all
        ok('a6', { hangup_by: 'robot', ended_at: '2026-09-07T09:00:00+08:00' }),
        ok('', {}),
        ok('a7'),
        ok('a9', { talk_seconds: 'abc' }),
      ]) + 'a8,2026-09-07T10:00:00+08:00,too,few\n';
    const r = await ingestText(store, 'mixed.csv', text);
    expect(r.message).toBeNull();
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 11, inserted: 2, duplicates: 1, rejected: 8 });
    expect(r.rowsRead).toBe(r.inserted + r.duplicates + r.rejected);
    expect(await count()).toBe(2);
    const rejects = readFileSync(r.rejectsPath!, 'utf8');
    expect(rejects).toContain('started_at: not a timestamp: ""2026-13-01""');
    expect(rejects).toContain('disposition: unknown value ""maybe""');
    expect(rejects).toContain('talk_seconds: not a non-negative number');
    expect(rejects).toContain('talk_seconds: missing for an answered call');
    expect(rejects).toMatch(
      /hangup_by: unknown value ""robot""; ended_at: before started_at|ended_at: before started_at; .*hangup_by/,
    );
    expect(rejects).toContain('call_id: missing');
    expect(rejects).toMatch(/\n12,line 12: missing columns \(Expected Number of Columns: 19 Found: 4\),/);
    expect(rejects).toContain('11,"talk_seconds: not a number: ""abc"""'); // the short row, with its line number
    expect(rejects.split('\n')[0]).toMatch(/^line,reason,call_id/);
    expect(rejects).toMatch(/\n3,"started_at/); // a2 is on line 3 (header = line 1)
    expect(r.rejectsPath!.startsWith(join(store.dataDir, 'rejects'))).toBe(true);
  });

  it('re-ingesting the same file adds nothing and says so; a changed file only adds new call_ids', async () => {
    const first = await ingestText(store, 'f.csv', csv([ok('b1'), ok('b2')]));
    expect(first.inserted).toBe(2);
    const again = await ingestText(store, 'f.csv', csv([ok('b1'), ok('b2')]));
    expect(again).toMatchObject({ status: 'repeated', inserted: 0 });
    expect(again.message).toMatch(/already ingested as #\d+/);
    const changed = await ingestText(store, 'g.csv', csv([ok('b1'), ok('b2'), ok('b3')]));
    expect(changed).toMatchObject({ status: 'loaded', rowsRead: 3, inserted: 1, duplicates: 2, rejected: 0 });
    expect(await count()).toBe(3);
  });

  it('refuses unreadable files with a one-line reason and changes nothing', async () => {
    const missing = await ingestText(store, 'nocol.csv', 'call_id,disposition,talk_seconds\nx,answered,3\n');
    expect(missing.status).toBe('failed');
    expect(missing.message).toMatch(/^no known format: closest tried canonical \(missing started_at\), /);
    const png = await ingestText(
      store,
      'pic.csv',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    expect(png.status).toBe('failed');
    expect(png.message).toMatch(/not UTF-8 or GB18030|binary/);
    const empty = await ingestText(store, 'empty.csv', '');
    expect(empty).toMatchObject({ status: 'failed', message: 'the file is empty' });
    expect(await count()).toBe(0);
    const log = await store.db.query<{ status: string }>('SELECT status FROM ingest_log ORDER BY ingest_id');
    expect(log.map((l) => l.status)).toEqual(['failed', 'failed', 'failed']);
  });

  it('rolls the whole file back when loading fails mid-file', async () => {
    await ingestText(store, 'base.csv', csv([ok('c0')]));
    const r = await ingestText(store, 'boom.csv', csv([ok('c1'), ok('c2')]), {
      onPhase: (p) => {
        if (p === 'storing') throw new Error('disk full (simulated)');
      },
    });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/disk full/);
    expect(await count()).toBe(1);
    const retry = await ingestText(store, 'boom.csv', csv([ok('c1'), ok('c2')]));
    expect(retry).toMatchObject({ status: 'loaded', inserted: 2 });
  });

  it('hashes phone-number callees with the data folder key and keeps opaque customer keys', async () => {
    await ingestText(
      store,
      'p.csv',
      csv([
        ok('d1', { callee_id: '+86 138-0013-8000' }),
        ok('d2', { callee_id: '13800138000' }),
        ok('d3', { callee_id: 'CUST-77' }),
      ]),
    );
    const rows = await store.db.query<{ call_id: string; callee_id: string }>(
      'SELECT call_id, callee_id FROM calls ORDER BY call_id',
    );
    const key = Buffer.from(readFileSync(join(store.dataDir, 'callee-hash.key'), 'utf8').trim(), 'hex');
    const expected = 'h:' + createHmac('sha256', key).update('13800138000').digest('hex').slice(0, 24);
    expect(rows.map((r) => r.callee_id)).toEqual([expected, expected, 'CUST-77']);
    const all = JSON.stringify(await store.db.query('SELECT * FROM calls'));
    expect(all).not.toContain('13800138000');
  });

  it('nth_call_30d stays right when a later file brings older calls', async () => {
    const callee = { callee_id: 'CUST-1' };
    await ingestText(
      store,
      'late.csv',
      csv([
        ok('e3', { ...callee, started_at: '2026-09-20T10:00:00+08:00' }),
        ok('e4', { ...callee, started_at: '2026-10-25T10:00:00+08:00' }),
      ]),
    );
    await ingestText(
      store,
      'early.csv',
      csv([
        ok('e1', { ...callee, started_at: '2026-09-01T10:00:00+08:00' }),
        ok('e2', { ...callee, started_at: '2026-09-15T10:00:00+08:00' }),
        ok('x1', { callee_id: 'CUST-2', started_at: '2026-09-15T10:00:00+08:00' }),
      ]),
    );
    const rows = await store.db.query<{ call_id: string; nth_call_30d: number }>(
      'SELECT call_id, nth_call_30d FROM calls ORDER BY call_id',
    );
    // e1: 1; e2: e1+e2 = 2; e3: e1,e2,e3 within 30 days = 3; e4 (Oct 25): e3 is 35 days earlier, so 1.
    expect(rows.map((r) => [r.call_id, r.nth_call_30d])).toEqual([
      ['e1', 1],
      ['e2', 2],
      ['e3', 3],
      ['e4', 1],
      ['x1', 1],
    ]);
  });

  it('reads GB18030/GBK text, UTF-8 with BOM, gzip and naive local timestamps', async () => {
    const gbk = iconv.encode(csv([ok('g1', { segment: '白领', campaign: '车险续保' })]), 'gb18030');
    const r1 = await ingestText(store, 'gbk.csv', gbk);
    expect(r1).toMatchObject({ status: 'loaded', encoding: 'gb18030', inserted: 1 });
    const r2 = await ingestText(store, 'bom.csv', '\uFEFF' + csv([ok('g2', { segment: '退休' })]));
    expect(r2).toMatchObject({ status: 'loaded', encoding: 'utf-8', inserted: 1 });
    const r3 = await ingestText(store, 'z.csv.gz', gzipSync(csv([ok('g3', { started_at: '2026-09-07 23:30:00' })])));
    expect(r3).toMatchObject({ status: 'loaded', inserted: 1 });
    const rows = await store.db.query<any>(
      "SELECT call_id, segment, campaign, strftime(local_date, '%Y-%m-%d') d, hour FROM calls ORDER BY call_id",
    );
    expect(rows).toEqual([
      { call_id: 'g1', segment: '白领', campaign: '车险续保', d: '2026-09-07', hour: 10 },
      { call_id: 'g2', segment: '退休', campaign: null, d: '2026-09-07', hour: 10 },
      { call_id: 'g3', segment: null, campaign: null, d: '2026-09-07', hour: 23 },
    ]);
  });

  it('rejects text that is neither UTF-8 nor GB18030 instead of storing mojibake', async () => {
    const latin = Buffer.concat([Buffer.from(HEADER + '\n'), Buffer.from([0x61, 0x31, 0x2c, 0xff, 0xff, 0xff, 0x0a])]);
    const r = await ingestText(store, 'latin.csv', latin);
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/not UTF-8 or GB18030/);
  });

  it('reads JSON lines, a bad line is a reject with its line number', async () => {
    const lines =
      [JSON.stringify(ok('j1')), '{oops', JSON.stringify({ ...ok('j2'), extra_field: 1 })].join('\n') + '\n';
    const r = await ingestText(store, 'calls.jsonl', lines);
    expect(r).toMatchObject({
      status: 'loaded',
      format: 'canonical', // the format's name, not the reader's kind (json)
      rowsRead: 3,
      inserted: 2,
      rejected: 1,
      extraColumns: ['extra_field'],
    });
    expect(readFileSync(r.rejectsPath!, 'utf8')).toMatch(/\n2,line 2: not a JSON object/);
  });

  it('reads Parquet written by DuckDB', async () => {
    const src = await ingestText(
      store,
      'src.csv',
      csv([ok('q1'), ok('q2', { disposition: 'no_answer', talk_seconds: 0 })]),
    );
    expect(src.inserted).toBe(2);
    const pq = join(store.dir, 'calls.parquet');
    await store.db.writeConnection.run(
      `COPY (SELECT 'P' || call_id AS call_id, started_at, disposition, talk_seconds FROM calls) TO '${pq}' (FORMAT parquet)`,
    );
    const r = await ingestText(store, 'calls.parquet', readFileSync(pq));
    expect(r).toMatchObject({ status: 'loaded', format: 'canonical', rowsRead: 2, inserted: 2 });
    const times = await store.db.query<{ n: number }>('SELECT count(DISTINCT started_at)::INTEGER n FROM calls');
    expect(times[0]!.n).toBe(1); // the instant survived the round trip
  });
});
