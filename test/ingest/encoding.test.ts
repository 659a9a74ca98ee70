import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstInvalidUtf8 } from '../../server/ingest/sniff.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';

/** Issue 9 point 7: ASCII with a handful of stray high bytes is not GB18030; the first bad byte is named exactly. */
describe('encoding', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('finds the exact offset of the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from('abc'))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xa5, 0xa5]))).toBe(1); // a stray continuation byte
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0x41]))).toBe(2); // a lead byte followed by ASCII: the ASCII byte breaks it
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8, 0xad, 0xc0, 0x80]))).toBe(4); // 中 then an overlong form
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe4, 0xb8]))).toBe(3); // cut by the sample end: not an error
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(1); // a surrogate
  });

  it('the real inbound Master.csv with 16 stray 0xA5 bytes is refused at byte 11777 (line 41), not read as GB18030', async () => {
    t = await formatStore();
    const r = await t.ingest(`${FORMATS_DIR}/real/asterisk_stadion_pstn_full.csv`);
    expect(r.status).toBe('failed');
    expect(r.message).toBe(
      'not UTF-8 or GB18030/GBK text: invalid byte 0xa5 at offset 11777 (line 41); re-export as UTF-8',
    );
  });

  it('a BOM counts in the offset; real GBK Chinese text is still read', async () => {
    t = await formatStore();
    const file = join(t.dir, 'bom.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('call_id,started_at\nx'),
        Buffer.from([0xff]),
        Buffer.from(',y\n'),
      ]),
    );
    const r = await t.ingest(file);
    expect(r.message).toBe(
      'not UTF-8 or GB18030/GBK text: invalid byte 0xff at offset 23 (line 2); re-export as UTF-8',
    );
    const gbk = await t.ingest(`${FORMATS_DIR}/cn_export_gbk.csv`);
    expect(gbk).toMatchObject({ status: 'loaded', encoding: 'gb18030' });
  });
});
