import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store.ts';
import { csv } from '../helpers/temp-store.ts';
import { ingestFile } from '../../server/ingest/ingest-file.ts';
import { writeSampleCsv } from '../../sample-data/generate.ts';

// kill -9 while an upload is arriving, then start again: the upload left in uploads/ is removed
// and the history says `interrupted`; the stored calls are what ingest_log says.

const dir = mkdtempSync(join(tmpdir(), 'hangup-kill-'));
const db = join(dir, 'h.duckdb');
const settings = { timezone: 'Asia/Shanghai', earlySeconds: 10 };
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function start(port: number): Promise<ChildProcess> {
  const p = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'serve', '--db', db, '--port', String(port)], {
    env: { ...process.env, HANGUP_INBOX: 'off', HANGUP_DB: db },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  p.stdout!.on('data', (d) => (out += String(d)));
  p.stderr!.on('data', (d) => (out += String(d)));
  const t0 = Date.now();
  while (!out.includes('Hangup Insight on')) {
    if (p.exitCode !== null || Date.now() - t0 > 60_000) throw new Error(`server did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return p;
}

async function getJson(port: number, path: string): Promise<any> {
  return (await fetch(`http://127.0.0.1:${port}${path}`)).json();
}

describe('kill -9 during an upload, then restart', () => {
  it(
    'removes the orphan upload, writes an `interrupted` history row, and the calls match ingest_log',
    { timeout: 180_000 },
    async () => {
      const store = await openStore(db, settings);
      const seed = join(dir, 'seed.csv');
      writeFileSync(
        seed,
        csv(
          Array.from({ length: 50 }, (_, i) => ({
            call_id: `s${i}`,
            started_at: '2026-09-01T10:00:00+08:00',
            talk_seconds: 5,
            disposition: 'answered',
          })),
        ),
      );
      expect(
        (
          await ingestFile(store.db, seed, {
            dataDir: store.dataDir,
            businessTimezone: settings.timezone,
            earlySeconds: 10,
          })
        ).inserted,
      ).toBe(50);
      store.db.close();

      const port = await freePort();
      child = await start(port);
      // Send the start of a big multipart upload and keep the socket open, as a slow client would.
      const boundary = 'killtest';
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/ingest',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-requested-with': 'hangup',
          'transfer-encoding': 'chunked',
        },
      });
      req.on('error', () => undefined);
      req.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="march-big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
      );
      req.write(
        'call_id,started_at,talk_seconds,disposition\r\n' +
          'k1,2026-09-01T10:00:00+08:00,5,answered\r\n'.repeat(20_000),
      );
      const uploads = join(dir, 'uploads');
      const t0 = Date.now();
      while (!(existsSync(uploads) && readdirSync(uploads).some((f) => f.endsWith('.csv')))) {
        if (Date.now() - t0 > 30_000) throw new Error('the upload never reached the disk');
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      req.destroy();
      expect(readdirSync(uploads).length).toBeGreaterThan(0); // left behind by the kill

      child = await start(port);
      expect(readdirSync(uploads)).toEqual([]);
      const { ingests } = await getJson(port, '/api/ingests');
      expect(ingests[0]).toMatchObject({ fileName: 'march-big.csv', status: 'interrupted', inserted: 0 });
      const { entries } = await getJson(port, '/api/audit');
      expect(entries[0]).toMatchObject({ action: 'interrupted', fileName: 'march-big.csv', actor: 'server' });
      const health = await getJson(port, '/api/health');
      const loaded = ingests
        .filter((i: { status: string }) => i.status === 'loaded')
        .reduce((s: number, i: { inserted: number }) => s + i.inserted, 0);
      expect(Number(health.calls)).toBe(loaded);
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
      child = null;
      mkdirSync(uploads, { recursive: true });
    },
  );

  it(
    'kill -9 while a complete upload is being loaded: nothing half-stored, `interrupted`, and the same file loads cleanly after',
    { timeout: 240_000 },
    async () => {
      const port = await freePort();
      child = await start(port);
      const big = join(dir, 'big.csv');
      await writeSampleCsv(big, { calls: 150_000, seed: 9 });
      const fd = new FormData();
      fd.append('file', new Blob([new Uint8Array(readFileSync(big))]), 'april.csv');
      const up = await fetch(`http://127.0.0.1:${port}/api/ingest`, {
        method: 'POST',
        body: fd,
        headers: { 'x-requested-with': 'hangup' },
      });
      expect(up.status).toBe(202);
      const { jobId } = (await up.json()) as { jobId: string };
      // Wait until DuckDB is working on it (past hashing), then kill.
      const t0 = Date.now();
      for (;;) {
        const job = await getJson(port, `/api/ingest/jobs/${jobId}`);
        if (['reading', 'checking', 'storing'].includes(String(job.phase).split(' ')[0])) break;
        if (job.state === 'done' || job.state === 'failed' || Date.now() - t0 > 60_000)
          throw new Error(`job never seen loading: ${JSON.stringify(job)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));

      child = await start(port);
      expect(readdirSync(join(dir, 'uploads'))).toEqual([]);
      const { ingests } = await getJson(port, '/api/ingests');
      expect(ingests[0]).toMatchObject({ fileName: 'april.csv', status: 'interrupted', inserted: 0 });
      const loaded = () =>
        getJson(port, '/api/ingests').then((b) =>
          b.ingests
            .filter((i: { status: string }) => i.status === 'loaded')
            .reduce((n: number, i: { inserted: number }) => n + i.inserted, 0),
        );
      expect(Number((await getJson(port, '/api/health')).calls)).toBe(await loaded());

      // The same bytes load again in full: not "repeated", nothing doubled.
      const again = await fetch(`http://127.0.0.1:${port}/api/ingest`, {
        method: 'POST',
        body: fd,
        headers: { 'x-requested-with': 'hangup' },
      });
      const id = ((await again.json()) as { jobId: string }).jobId;
      let job;
      for (;;) {
        job = await getJson(port, `/api/ingest/jobs/${id}`);
        if (job.state === 'done' || job.state === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(job.report).toMatchObject({ status: 'loaded', inserted: 150_000, duplicates: 0 });
      expect(Number((await getJson(port, '/api/health')).calls)).toBe(await loaded());
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
      child = null;
    },
  );
});
