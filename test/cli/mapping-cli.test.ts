import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'hangup-mapping-'));
const cli = (...args: string[]) =>
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/cli.ts', ...args], {
    env: { ...process.env, HANGUP_INBOX: 'off' },
  })
    .then((r) => ({ code: 0, out: r.stdout, err: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }));

/** Issue 9 point 6: `npm run hangup -- mapping FILE` drafts a mapping the user edits and passes with --mapping. */
describe('CLI mapping (draft writer)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('guesses columns from names and values, refuses to overwrite, and the draft loads the file', async () => {
    const file = join(dir, 'cdr.csv');
    copyFileSync('sample-data/formats/real/mysql_cdr_trunk_inbound.csv', file);
    const r = await cli('mapping', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`${file}.mapping.yaml: draft mapping for ${file}`);
    const draft = readFileSync(`${file}.mapping.yaml`, 'utf8');
    expect(draft).toContain('call_id: "uniqueid"');
    expect(draft).toContain('started_at: "calldate"');
    expect(draft).toContain('talk_seconds: "billsec"');
    expect(draft).toContain('values: { "ANSWERED": answered, "NO ANSWER": no_answer, "FAILED": failed }');
    expect(draft).toContain('callee_id: "dst"');
    const again = await cli('mapping', file);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/exists: give another --out \(nothing overwritten\)/);
    const ingest = await cli('ingest', '--db', join(dir, 'db.duckdb'), file, '--mapping', `${file}.mapping.yaml`);
    expect(ingest.code, ingest.err).toBe(0);
    // 60 rows; rows sharing a uniqueid (forks) are one call: 56 calls, all stored.
    expect(ingest.out).toMatch(/read 60 rows = 56 calls \+ 4 folded; inserted 56, duplicates 0, rejected 0/);
  }, 180_000); // three CLI processes: slow when the machine is busy

  it('a headerless file gets header: false, numbered columns and a dateFormat to confirm', async () => {
    const file = join(dir, 'report.csv');
    copyFileSync('sample-data/formats/real/freepbx_dayfirst.csv', file);
    const out = join(dir, 'report.yaml');
    expect((await cli('mapping', file, '--out', out)).code).toBe(0);
    const draft = readFileSync(out, 'utf8');
    expect(draft).toContain('  header: false');
    expect(draft).toMatch(/columns: \["col1", "col2", .*"col25"\]/);
    expect(draft).toContain(
      'dateFormat: "%d/%m/%Y %H:%M:%S"   # TODO: day first? the sample cannot tell (no field above 12)',
    );
    expect(draft).toContain('started_at: "col1"');
  });
});
