import { Database } from '../../server/db/database.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { phoneDigits } from '../../server/ingest/phone.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

/** Issue 9 point 9 / issue 11 point 6: one normaliser; every phone-like callee hashed, short ones included. */
const SPELLINGS: [string, string | null][] = [
  ['138.0013.8001', '13800138001'],
  ['(021) 5555-1234', '02155551234'],
  ['tel:+8613800138002', '13800138002'],
  ['13800138003 ext 12', '13800138003'],
  ['１３８００１３８００４', '13800138004'],
  ["'13800138006", '13800138006'],
  ['+86 138 0013 8007', '13800138007'],
  ['0086-13800138008', '13800138008'],
  ['13800138009x7', '13800138009'],
  ['12345', '12345'],
  ['6789', '6789'],
  ['TEL:110', '110'],
  ['C-0001', null],
  ['138****5678', null],
  ['vip customer', null],
];

describe('phone numbers', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('the SQL normaliser and its TypeScript mirror agree on every spelling', async () => {
    t = await formatStore();
    for (const [v, digits] of SPELLINGS) {
      expect(phoneDigits(v), v).toBe(digits);
      const [r] = await Database.all<{ d: string | null }>(t.store.db.writeConnection, 'SELECT phone_digits($v) AS d', {
        v,
      });
      expect(r!.d, v).toBe(digits);
    }
  });

  it('stores every spelling hashed, the same key as the plain number; refused rows keep no number either', async () => {
    t = await formatStore();
    const file = join(t.dir, 'spellings.csv');
    const rows = SPELLINGS.map(([v], i) => `s${i},2026-03-02T10:00:00+08:00,0,no_answer,"${v.replace(/"/g, '""')}"`);
    const plain = SPELLINGS.filter(([, d]) => d).map(([, d], i) => `p${i},2026-03-02T11:00:00+08:00,0,no_answer,${d}`);
    // Two refused rows carrying numbers and a line the reader cannot split: the rejects file shows none of them.
    const bad = [
      'b1,not a time,0,no_answer,13800138001',
      'b2,2026-03-02T12:00:00+08:00,0,maybe,(021) 5555-1234',
      'b3,+86 138-0013-8111',
    ];
    writeFileSync(
      file,
      ['call_id,started_at,talk_seconds,disposition,callee_id', ...rows, ...plain, ...bad].join('\n') + '\n',
    );
    const r = await t.ingest(file);
    expect(r).toMatchObject({ status: 'loaded', rejected: 3 });
    const stored = (await t.store.db.query(`SELECT call_id, callee_id FROM calls ORDER BY call_id`)) as {
      call_id: string;
      callee_id: string;
    }[];
    const key = (id: string) => stored.find((c) => c.call_id === id)!.callee_id;
    SPELLINGS.forEach(([v, d], i) => {
      if (d) expect(key(`s${i}`), v).toMatch(/^h:[0-9a-f]{24}$/);
      else expect(key(`s${i}`), v).toBe(v);
    });
    // Each spelling lands on the key of its plain digits.
    SPELLINGS.filter(([, d]) => d).forEach(([v], j) => {
      const i = SPELLINGS.findIndex(([w]) => w === v);
      expect(key(`s${i}`), v).toBe(key(`p${j}`));
    });
    const rejects = readFileSync(r.rejectsPath!, 'utf8');
    expect(rejects).not.toMatch(/13800138001|5555-1234|02155551234|138-0013-8111/);
    expect(rejects).toMatch(
      /\n\d+,"started_at: not a timestamp: ""not a time""",b1,not a time,,,,0,no_answer,,,,,,,,,h:[0-9a-f]{24},/,
    );
    expect(rejects).toMatch(/,"b3,\+86 #"\n/); // the raw line, its number masked
  });
});
