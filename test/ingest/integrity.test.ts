import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_COLUMNS } from '../../server/ingest/sniff.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** Issue 11 points 5 and 8 (ingest side): files are read whole and checked, and bounded. */
describe('integrity and limits', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const HEAD = 'call_id,started_at,talk_seconds,disposition,campaign';
  const row = (i: number, campaign = 'c') => `k${i},2026-03-02T10:00:00+08:00,0,no_answer,${campaign}`;
  const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i));
  const count = async () =>
    Number(((await t.store.db.query('SELECT count(*)::INTEGER AS n FROM calls'))[0] as { n: number }).n);

  it('a truncated gzip is refused with its byte offset and loads nothing; a whole one loads', async () => {
    t = await formatStore();
    const gz = gzipSync(Buffer.from([HEAD, ...rows(3000)].join('\n') + '\n'), { level: 9 });
    const cut = join(t.dir, 'cut.csv.gz');
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length * 0.6)));
    const r = await t.ingest(cut);
    expect(r.status).toBe('failed');
    expect(r.message).toBe(
      `gzip file truncated: the compressed data ends at byte ${Math.floor(gz.length * 0.6)} before its CRC and length trailer; the file is incomplete`,
    );
    expect(await count()).toBe(0);
    // The last 8 bytes are the CRC and length: a file cut just before them is refused too.
    writeFileSync(cut, gz.subarray(0, gz.length - 4));
    expect((await t.ingest(cut)).status).toBe('failed');
    const whole = join(t.dir, 'whole.csv.gz');
    writeFileSync(whole, gz);
    expect(await t.ingest(whole)).toMatchObject({ status: 'loaded', inserted: 3000 });
  });

  it('a corrupted gzip (bad CRC) is refused', async () => {
    t = await formatStore();
    const gz = gzipSync(Buffer.from([HEAD, ...rows(10)].join('\n') + '\n'));
    gz[gz.length - 8] ^= 0xff; // CRC32 in the trailer
    const f = join(t.dir, 'crc.csv.gz');
    writeFileSync(f, gz);
    const r = await t.ingest(f);
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/^gzip data corrupt \(incorrect data check\)/);
  });

  it('a header-only file is 0 rows, loaded', async () => {
    t = await formatStore();
    const f = join(t.dir, 'empty.csv');
    writeFileSync(f, HEAD + '\n');
    expect(await t.ingest(f)).toMatchObject({
      status: 'loaded',
      rowsRead: 0,
      calls: 0,
      inserted: 0,
      rejected: 0,
      message: null,
    });
  });

  it('a field over the limit refuses its row with its line, not the file', async () => {
    t = await formatStore();
    const f = join(t.dir, 'big.csv');
    writeFileSync(f, [HEAD, row(1), row(2, 'x'.repeat(3 * 1048576)), row(3)].join('\n') + '\n');
    const r = await t.ingest(f);
    expect(r).toMatchObject({ status: 'loaded', rowsRead: 3, inserted: 2, rejected: 1 });
    const rejects = readFileSync(r.rejectsPath!, 'utf8');
    // Line 3 is "k2,2026-03-02T10:00:00+08:00,0,no_answer," (41 bytes) + 3 MB.
    expect(rejects).toMatch(/\n3,"line 3: a value of 3145769 bytes, over the 1048576-byte field limit",k2,/);
    expect(rejects.length).toBeLessThan(5000); // the value itself is not copied whole
    expect(await count()).toBe(2);
    // The setting: a 100-byte limit refuses the rows of a dialer format by the same rule.
    const small = await t.ingest(`${process.cwd()}/sample-data/formats/asterisk_cdr_csv_21.csv`, {
      maxFieldBytes: 250,
    });
    expect(small.status).toBe('loaded');
    expect(small.rejected).toBeGreaterThan(0);
  });

  it('refuses a header with too many columns or no line end, before reading rows', async () => {
    t = await formatStore();
    const wide = join(t.dir, 'wide.csv');
    writeFileSync(wide, Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',') + '\n1\n');
    expect((await t.ingest(wide)).message).toBe(
      `${MAX_COLUMNS + 1} columns: more than the ${MAX_COLUMNS} a CDR file may have`,
    );
    const long = join(t.dir, 'long.csv');
    writeFileSync(long, 'a'.repeat(70 * 1024) + '\n');
    expect((await t.ingest(long)).message).toBe('the first line is longer than 64 KB: not a CDR header');
  });

  it('detection reads a bounded prefix of a gzip bomb', async () => {
    t = await formatStore();
    const bomb = join(t.dir, 'bomb.csv.gz');
    writeFileSync(
      bomb,
      gzipSync(Buffer.concat([Buffer.from(HEAD + '\n'), Buffer.alloc(200 * 1048576, 0x30)]), { level: 9 }),
    );
    const before = process.memoryUsage().rss;
    const r = await t.ingest(bomb);
    expect(r.status).toBe('failed'); // one 200 MB "line": over the line limit
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1048576);
  });
});
