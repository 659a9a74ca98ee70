import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessagePart } from '../../server/contract/ingests.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/**
 * The ingest history (GET /api/ingests) is read by every signed-in viewer: a message about a file
 * quotes no value of it, only the value's shape (9 a digit, a letters). Here, the messages whose
 * words come from elsewhere (DuckDB's error, a dimension file's bad date) and could carry a cell.
 */
describe('values from the file in ingest messages', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  /** Everything GET /api/ingests says about the newest file: its message and its parts. */
  const newest = async () => {
    const { body } = await t.api<{ ingests: { message: string | null; messageParts: MessagePart[] | null }[] }>(
      '/api/ingests',
    );
    return body.ingests[0]!;
  };

  it("could_not_read: DuckDB's error quoting a customer's number shows the number's shape, DuckDB's words and the type", async () => {
    t = await formatStore();
    // A Chinese export whose duration column holds the callee's number (a shifted column): the
    // duration parser casts each H:MM part to INTEGER and DuckDB's error quotes the cell.
    const file = join(t.dir, 'shifted.csv');
    writeFileSync(
      file,
      '主叫号码,被叫号码,开始时间,应答时间,结束时间,通话时长,挂机方,呼叫ID\n' +
        '02150004321,13900139001,2024-09-17 14:00:00,2024-09-17 14:00:06,2024-09-17 14:00:09,13900139001:05,2,CN-0001\n',
    );
    const r = await t.ingest(file);
    expect(r.status).toBe('failed');
    expect(r.messageParts).toEqual([
      {
        code: 'could_not_read',
        args: {
          error: "Conversion Error: Could not convert string '99999999999' to INT32 when casting from source column x",
        },
      },
    ]);
    expect(r.message).toBe(
      "could not be read: Conversion Error: Could not convert string '99999999999' to INT32 when casting from source column x",
    );
    const row = await newest();
    expect(row.messageParts).toEqual(r.messageParts);
    expect(row.message).toBe(r.message);
    expect(JSON.stringify([r.message, r.messageParts, row])).not.toMatch(/13900139001|1390013900/);
  });

  it('dim_refused_date: the example of a from_date that is not a date is shown by its shape', async () => {
    t = await formatStore();
    const file = join(t.dir, 'numbers.csv');
    writeFileSync(
      file,
      'caller_number,number_tag,from_date\n02150001111,marked_spam,2024-09-10\n02150002222,verified,Zhang San 13800138000\n',
    );
    const r = await t.ingest(file);
    expect(r).toMatchObject({ status: 'loaded', format: 'dim_caller_numbers', inserted: 1, rejected: 1 });
    expect(r.messageParts[1]).toEqual({ code: 'dim_refused_date', args: { n: 1, example: 'a a 99999999999' } });
    expect(r.message).toContain(
      '1 row(s) refused: from_date not a date (e.g. "a a 99999999999", shown by its shape: 9 = a digit, a = letters).',
    );
    const row = await newest();
    expect(row.messageParts).toEqual(r.messageParts);
    expect(JSON.stringify([r.message, row])).not.toMatch(/Zhang|13800138000/);
  });
});
