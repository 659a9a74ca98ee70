import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hangup-cli-'));
const db = join(dir, 'cli.duckdb');
const cli = (...args: string[]) =>
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli.ts', 'ingest', '--db', db, ...args], { env: { ...process.env, HANGUP_INBOX: 'off' } })
    .then((r) => ({ code: 0, out: r.stdout, err: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }));

describe('CLI ingest --format / --mapping / --timezone', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints rows = calls + folded with the fold reasons', async () => {
    const r = await cli('sample-data/formats/connect_ctr.jsonl');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/read 10 rows = 7 calls \+ 3 folded; inserted 6, duplicates 0, rejected 0, inbound 1 \(not dials: not stored\) \(connect_ctr/);
    expect(r.out).toMatch(/folded: transfer contacts folded into their chain/);
  });

  it('takes a mapping file and a timezone', async () => {
    const r = await cli('sample-data/formats/acme_dialer.csv', '--mapping', 'sample-data/formats/acme_dialer.mapping.yaml', '--timezone', 'UTC');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/inserted 5, .* \(acme_dialer/);
  });

  it('refuses an unknown format or a bad mapping before touching the database', async () => {
    const bad = await cli('sample-data/formats/asterisk_db.csv', '--format', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--format must be one of canonical, /);
    const badMap = await cli('sample-data/formats/asterisk_db.csv', '--mapping', 'sample-data/formats/asterisk_db.csv');
    expect(badMap.code).toBe(2);
    expect(badMap.err).toMatch(/asterisk_db\.csv: /);
  });

  it('--format forces a reader', async () => {
    const r = await cli('sample-data/formats/asterisk_cdr_csv_16.csv', '--format', 'asterisk_cdr_csv');
    expect(r.out).toMatch(/read 4 rows = 3 calls \+ 1 folded/);
  });
});
