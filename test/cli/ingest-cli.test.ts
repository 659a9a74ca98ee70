import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hangup-cli-'));
const db = join(dir, 'cli.duckdb');
const cli = (...args: string[]) =>
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli.ts', 'ingest', '--db', db, ...args], {
    env: { ...process.env, HANGUP_INBOX: 'off' },
  })
    .then((r) => ({ code: 0, out: r.stdout, err: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }));

/** Rows of a query on the CLI's database, read after the CLI process has closed it. */
async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

describe('CLI ingest --format / --mapping / --timezone', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints rows = calls + folded with the fold reasons', async () => {
    const r = await cli('sample-data/formats/connect_ctr.jsonl');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /read 10 rows = 7 calls \+ 3 folded; inserted 6, duplicates 0, rejected 0, inbound 1 \(not dials: not stored\) \(connect_ctr/,
    );
    expect(r.out).toMatch(/folded: transfer contacts folded into their chain/);
  });

  it('takes a mapping file and a timezone', async () => {
    const r = await cli(
      'sample-data/formats/acme_dialer.csv',
      '--mapping',
      'sample-data/formats/acme_dialer.mapping.yaml',
      '--timezone',
      'UTC',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /acme_dialer\.csv: read \d+ rows = \d+ calls \+ \d+ folded; inserted 5, duplicates 0, rejected 0 \(acme_dialer, /,
    );
    // The mapping says Europe/London (BST in September: 09:00 local = 08:00Z); --timezone UTC wins.
    const [call] = await query(`SELECT epoch(started_at)::BIGINT AS s, hour FROM calls WHERE call_id = 'ACME-1'`);
    expect(Number(call!.s)).toBe(Date.UTC(2024, 8, 17, 9, 0, 0) / 1000);
    expect(Number(call!.hour)).toBe(17); // 09:00Z in the business timezone, Asia/Shanghai
    const [log] = await query(
      `SELECT format, source_timezone AS tz FROM ingest_log WHERE file_name = 'acme_dialer.csv'`,
    );
    expect(log).toEqual({ format: 'acme_dialer', tz: 'UTC' });
  });

  it('refuses an unknown format or a bad mapping before touching the database', async () => {
    const logged = async () => Number((await query('SELECT count(*) AS n FROM ingest_log'))[0]!.n);
    const before = await logged();
    const bad = await cli('sample-data/formats/asterisk_db.csv', '--format', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be one of canonical, /);
    const badMap = await cli('sample-data/formats/asterisk_db.csv', '--mapping', 'sample-data/formats/asterisk_db.csv');
    expect(badMap.code).toBe(2);
    expect(badMap.err).toMatch(/asterisk_db\.csv: /);
    expect(await logged()).toBe(before);
  });

  it('--format forces a reader, even a wrong one', async () => {
    // A headerless Asterisk file forced through the canonical reader: detection is not consulted,
    // so the file fails (exit code 1) for want of the canonical header. (First: a failed file is
    // not stored, so the same bytes can be loaded right after.)
    const forced = await cli('sample-data/formats/asterisk_cdr_csv_16.csv', '--format', 'canonical');
    expect(forced.code).toBe(1);
    expect(forced.err).toMatch(/asterisk_cdr_csv_16\.csv: FAILED: missing required column call_id/);
    const r = await cli('sample-data/formats/asterisk_cdr_csv_16.csv', '--format', 'asterisk_cdr_csv');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /read 4 rows = 3 calls \+ 1 folded; inserted 3, duplicates 0, rejected 0 \(asterisk_cdr_csv, /,
    );
  });

  const orders = () => {
    const file = join(dir, 'orders.csv');
    writeFileSync(
      file,
      'call_id,started_at,talk_seconds,disposition\ncli-o1,03/04/2026 09:15:00,0,no_answer\ncli-o2,10/11/2026 10:00:00,0,no_answer\n',
    );
    return file;
  };

  it('--date-order day-first reads a file whose dates fit both ways, which fails without it', async () => {
    const file = orders();
    const amb = await cli(file);
    expect(amb.code).toBe(1);
    expect(amb.err).toMatch(/give the order with --date-order day-first or --date-order month-first/);
    const r = await cli(file, '--date-order', 'day-first', '--timezone', 'UTC');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/dates such as "10\/11\/2026 10:00:00" read day first, as given/);
    expect(
      await query(
        `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS s FROM calls WHERE call_id LIKE 'cli-o%' ORDER BY 1`,
      ),
    ).toEqual([
      { call_id: 'cli-o1', s: '2026-04-03 09:15' },
      { call_id: 'cli-o2', s: '2026-11-10 10:00' },
    ]);
  });

  it('--date-order: a bad value, or one beside a pattern (--date-format, a mapping dateFormat), exits 2 before touching the database', async () => {
    const file = orders();
    const logged = async () => Number((await query('SELECT count(*) AS n FROM ingest_log'))[0]!.n);
    const before = existsSync(db) ? await logged() : 0;
    for (const [args, said] of [
      [['--date-order', 'dmy'], /--date-order must be one of auto, day-first, month-first, got "dmy"/],
      [
        ['--date-order', 'day-first', '--date-format', '%d/%m/%Y %H:%M:%S'],
        /give --date-order or --date-format, not both/,
      ],
      [
        ['--date-order', 'month-first', '--mapping', 'sample-data/formats/real/freepbx_dayfirst.mapping.yaml'],
        /--date-order: the mapping's dateFormat "%d\/%m\/%Y %H:%M:%S" gives the order already/,
      ],
    ] as const) {
      const bad = await cli(file, ...args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.err).toMatch(said);
    }
    expect(existsSync(db) ? await logged() : 0).toBe(before);
  }, 120_000); // three CLI starts (tsx): each takes 10-20 s on a busy 2-core machine
});
