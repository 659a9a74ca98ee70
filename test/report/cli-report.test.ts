import { DuckDBInstance } from '@duckdb/node-api';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHintPage } from '../../server/web-build.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hangup-cli-report-'));
const db = join(dir, 'r.duckdb');
const cli = (...args: string[]) =>
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli.ts', ...args], {
    env: { ...process.env, HANGUP_INBOX: 'off' },
    cwd: process.cwd(),
  })
    .then((r) => ({ code: 0, out: r.stdout, err: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }));

describe('CLI report', () => {
  beforeAll(async () => {
    const r = await cli('sample', '--calls', '4000', '--db', db);
    expect(r.code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without --week reports the last week with data, says which, and that week has calls', async () => {
    const out = join(dir, 'default.csv');
    const r = await cli('report', '--db', db, '--format', 'csv', '--lang', 'zh', '--out', out);
    expect(r.code).toBe(0);
    const [, week] = /No --week given: reporting (\d{4}-W\d{2}) \(.*\), the last week with data\./.exec(r.out) ?? [];
    expect(week).toMatch(/^\d{4}-W\d{2}$/);
    expect(existsSync(out)).toBe(true);
    // The KPI block's dials for "this week" are a positive count, not an empty report.
    const csv = readFileSync(out, 'utf8');
    const dials = csv.split(/\r?\n/).find((l) => l.startsWith('外呼量（计数）,'))!;
    expect(Number(dials.split(',')[1])).toBeGreaterThan(0);
  }, 120_000);

  it('while another process holds the database, points to GET /api/reports/weekly instead of the lock message', async () => {
    const holder = await DuckDBInstance.create(db);
    const con = await holder.connect();
    try {
      const r = await cli('report', '--db', db, '--format', 'csv', '--out', join(dir, 'locked.csv'));
      expect(r.code).toBe(2);
      expect(r.err).toContain('the server is using this database');
      expect(r.err).toContain('GET /api/reports/weekly');
      expect(r.err).not.toContain('Conflicting lock');
    } finally {
      con.closeSync();
      holder.closeSync();
    }
  }, 120_000);
});

describe('serve --no-build', () => {
  it('answers pages with how to build, in both languages', () => {
    const page = buildHintPage();
    expect(page).toContain('npm run build');
    expect(page).toContain('看板尚未构建');
    expect(page).toContain('The dashboard is not built');
  });
});
