import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import type { ReportFile } from '../../server/report/generate.ts';
import { reportFiles } from '../../server/routes/report-files.ts';

const fakeDb = () => ({ dataGeneration: 1 }) as unknown as Database & { dataGeneration: number };
const file = (text: string) =>
  ({ fileName: 'r.html', contentType: 'text/html', body: Buffer.from(text) }) as ReportFile;

describe('report files kept per data generation', () => {
  it('makes a report once for identical requests, again after a write, and per key', async () => {
    const db = fakeDb();
    const kept = reportFiles(db);
    let made = 0;
    const make = async () => file(`report ${++made}`);
    const [a, b] = await Promise.all([kept('w37', make), kept('w37', make)]);
    expect(made).toBe(1);
    expect(a.body.toString()).toBe('report 1');
    expect(b).toBe(a);
    expect((await kept('w38', make)).body.toString()).toBe('report 2');
    (db as { dataGeneration: number }).dataGeneration = 2; // a write
    expect((await kept('w37', make)).body.toString()).toBe('report 3');
  });

  it('keeps no failure, and no more than its bounds', async () => {
    const db = fakeDb();
    const kept = reportFiles(db, 2, 1024);
    await expect(kept('x', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect((await kept('x', async () => file('ok'))).body.toString()).toBe('ok');
    let made = 0;
    const make = async () => file(`f${++made}`);
    await kept('a', make);
    await kept('b', make);
    await kept('c', make); // three entries over a bound of two: the oldest ('x') goes
    await kept('x', make);
    expect(made).toBe(4);
  });
});
