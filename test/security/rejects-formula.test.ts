import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../server/contract/csv.ts';
import { csv, ingestText, tempStore } from '../helpers/temp-store.ts';

// The rejects CSV is written by DuckDB (COPY), the other CSVs by server/contract/csv.ts: both must
// make a formula-like cell inert the same way.
describe('rejects CSV: formula prefixes neutralised like the one CSV writer', () => {
  let store: Awaited<ReturnType<typeof tempStore>> | undefined;
  afterEach(() => store?.cleanup());

  const HOSTILE = ["+cmd|' /C calc'!A0", '=HYPERLINK("http://x")', '-2+3', '@SUM(A1)', '\tTAB', 'plain', "'quoted"];

  it('the reject_cell macro and neutralizeFormula agree on every prefix', async () => {
    store = await tempStore();
    await ingestText(
      store,
      'warm.csv',
      csv([{ call_id: 'w1', started_at: '2026-09-08T10:00:00+08:00', talk_seconds: 1, disposition: 'answered' }]),
    );
    const con = await store.db.instance.connect();
    try {
      // reject_cell is a TEMP macro of the ingest connection: define it here from the same file.
      const { sqlText } = await import('../../server/db/sql-files.ts');
      await con.run(sqlText('format_macros'));
      for (const v of HOSTILE) {
        const rows = (await con.runAndReadAll('SELECT reject_cell($v) AS c', { v })).getRowObjectsJson();
        expect(rows[0]!.c, JSON.stringify(v)).toBe(neutralizeFormula(v));
      }
    } finally {
      con.closeSync();
    }
  });

  it('a refused row with a hostile campaign is written inert, with its reason', async () => {
    store = await tempStore();
    const r = await ingestText(
      store,
      'hostile.csv',
      csv([
        {
          call_id: 'h1',
          started_at: 'not a time',
          talk_seconds: 5,
          disposition: 'answered',
          campaign: "+cmd|' /C calc'!A0",
        },
        {
          call_id: 'h2',
          started_at: '2026-09-08T10:00:00+08:00',
          talk_seconds: 5,
          disposition: 'answered',
          campaign: 'ok',
        },
      ]),
    );
    expect(r).toMatchObject({ status: 'loaded', inserted: 1, rejected: 1 });
    const text = readFileSync(r.rejectsPath!, 'utf8');
    expect(text).toContain(",'+cmd|' /C calc'!A0,");
    expect(text).not.toMatch(/,\+cmd/);
  });
});
