import { describe, expect, it } from 'vitest';
import { sqlText } from '../../server/db/sql-files.ts';
import { suiteStore } from '../helpers/suite-store.ts';
import { csv, getJson, ingestText } from '../helpers/temp-store.ts';

// @duckdb/node-api 1.5.6 returns corrupt values from a statement prepared on an empty table once
// rows arrive; the server must answer queries asked before the first ingest correctly after it.
describe('queries asked on an empty store stay right after an ingest', () => {
  const suite = suiteStore();
  it('dimensions and ingest history', async () => {
    const { store, app } = suite;
    expect((await getJson(app, '/api/dimensions')).body.segment).toEqual([]);
    expect((await getJson(app, '/api/breakdown?by=segment')).body.rows).toEqual([]);
    expect(await store.db.query(sqlText('ingest_history'))).toEqual([]);
    await ingestText(
      store,
      'a.csv',
      csv([
        {
          call_id: 'p1',
          started_at: '2026-09-07T10:00:00+08:00',
          disposition: 'answered',
          talk_seconds: 3,
          hangup_by: 'callee',
          segment: 'white_collar',
        },
        {
          call_id: 'p2',
          started_at: '2026-09-07T11:00:00+08:00',
          disposition: 'busy',
          talk_seconds: 0,
          segment: 'retired',
        },
      ]),
    );
    expect((await getJson(app, '/api/dimensions')).body.segment).toEqual([
      { value: 'retired', calls: 1 },
      { value: 'white_collar', calls: 1 },
    ]);
    expect(
      (await getJson(app, '/api/breakdown?by=segment')).body.rows.map((r: any) => [r.key, r.dials, r.earlyHangups]),
    ).toEqual([
      ['retired', 1, 0],
      ['white_collar', 1, 1],
    ]);
    const history = await store.db.query<any>(sqlText('ingest_history'));
    expect(history.map((h) => [h.fileName, h.status, h.inserted])).toEqual([['a.csv', 'loaded', 2]]);
  });
});
