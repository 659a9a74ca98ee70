import { afterEach, describe, expect, it } from 'vitest';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** Scripts, caller numbers (with from-dates) and customers files, and what they do to calls. */
describe('dimension files', () => {
  let t: TempStore;
  afterEach(() => t?.close());
  const tags = async () =>
    Object.fromEntries(
      (
        await t.store.db.query<{ call_id: string; number_tag: string | null }>(
          'SELECT call_id, number_tag FROM calls ORDER BY call_id',
        )
      ).map((r) => [r.call_id, r.number_tag]),
    );

  it('scripts: opening lines in /api/dimensions', async () => {
    t = await formatStore();
    await t.ingest('dim_calls.csv');
    const r = await t.ingest('dim_scripts.csv');
    expect(r).toMatchObject({
      status: 'loaded',
      format: 'dim_scripts',
      kind: 'dimension',
      rowsRead: 2,
      inserted: 2,
      rejected: 0,
    });
    const { body } = await t.api<{ scriptTexts: Record<string, string>; scriptCampaigns: Record<string, string> }>(
      '/api/dimensions',
    );
    expect(body.scriptTexts).toEqual({
      A: '您好，我是XX银行的客户经理，耽误您一分钟，给您介绍一款低息贷款。',
      B: 'Hello, this is Anna from XX Bank: do you have a minute for a lower rate?',
    });
    expect(body.scriptCampaigns).toEqual({ A: 'loans', B: 'loans' });
  });

  it('caller numbers: a tag applies from its date; a newer file re-tags past calls; later calls get it too', async () => {
    t = await formatStore();
    await t.ingest('dim_calls.csv');
    expect(await tags()).toEqual({ D1: 'verified', D2: null, D3: null, D4: 'unmarked' });
    const v1 = await t.ingest('dim_caller_numbers_v1.csv');
    // The row without a number is refused with its reason.
    expect(v1).toMatchObject({ rowsRead: 2, inserted: 1, rejected: 1 });
    expect(v1.message).toMatch(/key column missing/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(v1.rejectsPath!, 'utf8')).toMatch(/^line,reason,raw_line\n3,key column missing or empty,/);
    // Before 2024-09-10 the call keeps the tag its CDR carried.
    expect(await tags()).toEqual({ D1: 'verified', D2: 'marked_spam', D3: 'marked_spam', D4: 'unmarked' });
    await t.ingest('dim_caller_numbers_v2.csv');
    expect(await tags()).toEqual({ D1: 'unmarked', D2: 'unmarked', D3: 'marked_spam', D4: 'unmarked' });
    await t.ingest('dim_calls_later.csv');
    expect((await tags()).D5).toBe('marked_spam');
    const { body } = await t.api<{ rows: { key: string; dials: number }[] }>('/api/breakdown?by=number_tag');
    expect(body.rows.map((r) => [r.key, r.dials])).toEqual([
      ['marked_spam', 2],
      ['unmarked', 3],
    ]);
  });

  it('customers: phones hash like calls; segment and age band re-derived; other columns are attributes', async () => {
    t = await formatStore();
    await t.ingest('dim_calls.csv');
    const r = await t.ingest('dim_customers.csv');
    expect(r).toMatchObject({ format: 'dim_customers', rowsRead: 2, inserted: 2, rejected: 0 });
    await t.ingest('dim_calls_later.csv'); // "+86 138-0000-0002" is the same person as 13800000002
    const rows = await t.store.db.query<{ call_id: string; segment: string | null; age_band: string | null }>(
      'SELECT call_id, segment, age_band FROM calls ORDER BY call_id',
    );
    expect(rows.map((x) => `${x.call_id}:${x.segment}:${x.age_band}`)).toEqual([
      'D1:teacher:25-34',
      'D2:driver:35-44',
      'D3:null:null',
      'D4:teacher:25-34',
      'D5:driver:35-44',
    ]);
    const { body: dims } = await t.api<{ customerAttributes: string[] }>('/api/dimensions');
    expect(dims.customerAttributes).toEqual(['city', 'occupation']);
    const { status, body } = await t.api<{
      by: string;
      rows: { key: string | null; dials: number; answered: number }[];
    }>('/api/breakdown/attribute?name=occupation');
    expect(status).toBe(200);
    expect(body.by).toBe('attribute:occupation');
    expect(body.rows.map((x) => [x.key, x.dials])).toEqual([
      ['education', 2],
      ['transport', 2],
      [null, 1],
    ]);
    expect((await t.api('/api/breakdown/attribute')).status).toBe(400);
  });
});
