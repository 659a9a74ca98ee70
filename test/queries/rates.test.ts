// Rates computed in JS (server/semantic/rates.ts) against the SQL macros every generated query
// uses (queries/metrics/macros.sql): the same arithmetic, so the same doubles.
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { sqlText } from '../../server/db/sql-files.ts';
import { rateOf, wilsonBound } from '../../server/semantic/rates.ts';
import { mulberry32 } from '../../sample-data/prng.ts';

describe('rates in JS equal the SQL macros', () => {
  it('rate, wilson_low and wilson_high agree to the last bit, from tiny to 50 M calls', async () => {
    const r = mulberry32(5);
    const pairs: [number, number][] = [
      [0, 0],
      [0, 1],
      [1, 1],
      [0, 7],
      [7, 7],
      [1, 3],
      [20, 80],
      [5, 50],
    ];
    for (let i = 0; i < 400; i++) {
      const n = Math.floor(10 ** (r() * 7.7));
      pairs.push([Math.floor(r() * (n + 1)), n]);
    }
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    await con.run(sqlText('schema')); // the macros are created with the schema
    await con.run(sqlText('macros'));
    await con.run('CREATE TABLE p (i INTEGER, k INTEGER, n INTEGER)');
    const app = await con.createAppender('p');
    pairs.forEach(([k, n], i) => {
      app.appendInteger(i);
      app.appendInteger(k);
      app.appendInteger(n);
      app.endRow();
    });
    app.closeSync();
    const rows = (
      await con.runAndReadAll(
        'SELECT rate(k, n) AS r, wilson_low(k, n) AS lo, wilson_high(k, n) AS hi FROM p ORDER BY i',
      )
    ).getRowObjectsJson() as { r: number | null; lo: number | null; hi: number | null }[];
    con.closeSync();
    inst.closeSync();
    const js = pairs.map(([k, n]) => ({ r: rateOf(k, n), lo: wilsonBound(k, n, -1), hi: wilsonBound(k, n, 1) }));
    expect(js).toEqual(rows);
    // Hand-checked values: 20 / 80 -> 0.25 (0.16806-0.35485); no calls -> null, never 0.
    expect(js[6]!.r).toBe(0.25);
    expect(js[6]!.lo).toBeCloseTo(0.16806, 5);
    expect(js[6]!.hi).toBeCloseTo(0.35485, 5);
    expect(js[0]).toEqual({ r: null, lo: null, hi: null });
  });
});
