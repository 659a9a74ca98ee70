import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nearestFormats, quoteHeader } from '../../server/ingest/formats/explain.ts';
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
});
