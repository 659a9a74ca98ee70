import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nearestFormats, quoteHeader, unknownFormat } from '../../server/ingest/formats/explain.ts';
import { sampleOf } from '../../server/ingest/formats/sample.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** Issue 9 point 6: a file of no known format is told which formats came closest and what they lacked. */
describe('unknown formats', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('names the nearest formats first, with what each lacked', () => {
    const near = nearestFormats(sampleOf('Sid,Status,From,Caller\nCA1,completed,+1,+2\n', 'csv'));
    expect(near[0]).toEqual({ name: 'twilio_calls', missing: [['column', { name: 'To' }]], share: 0.75 });
  });

  it('quotes the whole header, never cutting a column, capped for safety', () => {
    expect(quoteHeader(['switch', 'start', 'hangup cause'])).toBe('switch, start, hangup cause (3 columns)');
    const many = Array.from({ length: 500 }, (_, i) => `column_${i}`);
    const q = quoteHeader(many);
    expect(q.length).toBeLessThan(2100);
    expect(q).toMatch(/, column_\d+, … \(\+\d+ columns\) \(500 columns\)$/);
    expect(quoteHeader(['a\u0007b'])).toBe('ab (1 column)');
  });

  it('an unknown CSV fails with the nearest formats, the header and the mapping command', async () => {
    t = await formatStore();
    const file = join(t.dir, 'pbx.csv');
    writeFileSync(
      file,
      'switch,begin,finish,result,billsec,hangup_cause\nsw1,2026-03-02 10:00:00,2026-03-02 10:01:00,ANSWERED,50,16\n',
    );
    const r = await t.ingest(file);
    expect(r.status).toBe('failed');
    expect(r.message).toBe(
      'no known format: closest tried asterisk_db (missing calldate or start; disposition), canonical (missing call_id; started_at; disposition; ended_at or talk_seconds), twilio_calls (missing Sid or Call Sid; Status; From; To). ' +
        'Header: switch, begin, finish, result, billsec, hangup_cause (6 columns). ' +
        'Write a starter mapping with `npm run hangup -- mapping pbx.csv`, edit it and pass it with --mapping, or name the format with --format',
    );
  });

  it("a headerless file's first record is never quoted: the message, its parts and the history show its shape and column count", async () => {
    t = await formatStore();
    const file = join(t.dir, 'robot.csv');
    // Shaped like a headerless robot-call export a reviewer dropped in (values made up here): a loan
    // id, a customer's name, a salutation, a product, an amount, dates, a disposition.
    writeFileSync(
      file,
      '412345678,Lê Thị Hoa,chị,Khoản vay tiền mặt,90000000,30/11/2019,,2019-07-22 16:44:37,ANSWERED\n' +
        '498765432,Võ Minh Khang,Anh,Khoản vay tiền mặt,50000000,12/31/2019,,2019-07-22 16:50:37,ANSWERED\n',
    );
    const values = ['412345678', 'Lê', 'Thị', 'Hoa', 'chị', 'Khoản', '90000000', '30/11/2019', '16:44:37', 'ANSWERED'];
    const r = await t.ingest(file);
    expect(r.status).toBe('failed');
    expect(r.message).toContain(
      'First line (a record, not a header: the file has none; its values are not shown, only their shape: 9 = a digit, a = letters): ' +
        '999999999, a a a, a, a a a a, 99999999, 99/99/9999, , 9999-99-99 99:99:99, a (9 columns).',
    );
    const { body } = await t.api<{ ingests: { message: string; messageParts: unknown }[] }>('/api/ingests');
    const stored = JSON.stringify([r.message, r.messageParts, body.ingests[0]!.message, body.ingests[0]!.messageParts]);
    for (const v of values) expect(stored).not.toContain(v);
    expect(body.ingests[0]!.messageParts).toMatchObject([
      { code: 'unknown_format_no_header', args: { headerTotal: 9, headerRest: 0 } },
    ]);

    // Named canonical by hand, the missing-column message does not quote the record either.
    const told = await t.ingest(file, { format: 'canonical' });
    expect(told.status).toBe('failed');
    expect(told.message).toMatch(
      /^missing required column call_id, started_at, disposition, ended_at or talk_seconds \(header: 999999999, a a a, /,
    );
    for (const v of values) expect(JSON.stringify([told.message, told.messageParts])).not.toContain(v);
  });

  it('a header is still quoted as written', () => {
    const part = unknownFormat(
      sampleOf('Kunde,Telefon,Beginn\nx,y,z\n', 'csv'),
      ['Kunde', 'Telefon', 'Beginn'],
      'x.csv',
    );
    expect(part).toMatchObject({ code: 'unknown_format', args: { header: 'Kunde, Telefon, Beginn (3 columns)' } });
  });
});
