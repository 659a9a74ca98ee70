import { serve } from '@hono/node-server';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { IngestJobs } from '../../server/ingest/jobs.ts';
import { loadSample, openStore, type Store } from '../../server/store.ts';
import { launchChromium, requireChromium } from './harness.ts';

// Issue 11: "a page on any other origin, opened in the operator's browser, POSTs a CSV to
// http://127.0.0.1:8787/api/ingest (a simple request, no preflight): 3 calls inserted". Here a
// real Chromium opens such a page and every way it has to write or read is tried.

const CSV =
  'call_id,started_at,talk_seconds,disposition\\nx1,2026-09-01T10:00:00+08:00,5,answered\\nx2,2026-09-01T11:00:00+08:00,5,answered\\nx3,2026-09-01T12:00:00+08:00,5,answered\\n';

function evilPage(target: string): string {
  return `<!doctype html><title>evil</title><body><script>
  (async () => {
    const out = {};
    const csv = () => { const fd = new FormData(); fd.append('file', new Blob(['${CSV}'], { type: 'text/csv' }), 'x.csv'); return fd; };
    const attempt = async (name, fn) => { try { const r = await fn(); out[name] = r.type === 'opaque' ? 'opaque' : r.status + ' ' + (await r.text()).slice(0, 200); } catch (e) { out[name] = 'blocked: ' + e.message; } };
    await attempt('simple', () => fetch('${target}/api/ingest', { method: 'POST', body: csv(), mode: 'no-cors' }));
    await attempt('withHeader', () => fetch('${target}/api/ingest', { method: 'POST', body: csv(), headers: { 'X-Requested-With': 'hangup' } }));
    await attempt('delete', () => fetch('${target}/api/ingests/1', { method: 'DELETE', headers: { 'X-Requested-With': 'hangup' } }));
    await attempt('read', () => fetch('${target}/api/summary'));
    await attempt('readNoCors', () => fetch('${target}/api/summary', { mode: 'no-cors' }));
    // A plain HTML form: the one cross-site write that needs no script at all.
    const f = document.createElement('form');
    f.method = 'POST'; f.action = '${target}/api/ingest'; f.enctype = 'multipart/form-data'; f.target = 'sink';
    const t = document.createElement('textarea'); t.name = 'file'; t.value = '${CSV}'; f.append(t);
    const frame = document.createElement('iframe'); frame.name = 'sink'; document.body.append(frame, f);
    const loaded = new Promise((r) => (frame.onload = r));
    f.submit();
    await Promise.race([loaded, new Promise((r) => setTimeout(r, 3000))]);
    window.result = out;
  })();
  </script></body>`;
}

interface Seen {
  method: string;
  path: string;
  status: number;
  site: string | null;
}

let dir: string;
let store: Store;
let api: Server;
let apiPort: number;
let browser: Browser;
const seen: Seen[] = [];
const evil: Server[] = [];

async function evilServer(host: string): Promise<string> {
  const srv = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(evilPage(`http://127.0.0.1:${apiPort}`));
  });
  srv.listen(0, host);
  await once(srv, 'listening');
  evil.push(srv);
  return `http://${host === '127.0.0.1' ? '127.0.0.1' : 'localhost'}:${(srv.address() as AddressInfo).port}/`;
}

const calls = async () =>
  Number((await store.db.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM calls'))[0]!.n);

beforeAll(async () => {
  requireChromium();
  dir = mkdtempSync(join(tmpdir(), 'hangup-xsite-'));
  store = await openStore(join(dir, 'h.duckdb'), { timezone: 'Asia/Shanghai', earlySeconds: 10 });
  await loadSample(store, { calls: 2000, seed: 3 });
  // The loopback server exactly as `serve` mounts it: writes open to this machine, no users.
  const app = createApp({
    db: store.db,
    settings: store.settings,
    ingest: { dataDir: store.dataDir, policy: { host: '127.0.0.1' }, maxUploadBytes: 1 << 20, jobs: new IngestJobs() },
  });
  api = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (req: Request) => {
      const res = await app.fetch(req);
      seen.push({
        method: req.method,
        path: new URL(req.url).pathname,
        status: res.status,
        site: req.headers.get('sec-fetch-site'),
      });
      return res;
    },
  }) as Server;
  await once(api, 'listening');
  apiPort = (api.address() as AddressInfo).port;
  // DNS rebinding without DNS: the name rebind.test resolves to this machine.
  browser = await launchChromium(['--host-resolver-rules=MAP rebind.test 127.0.0.1']);
});

afterAll(async () => {
  await browser?.close();
  for (const s of evil) s.close();
  await new Promise((r) => api?.close(r));
  store?.db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a page on another origin, in the operator’s browser', () => {
  it.each([
    ['cross-site (localhost -> 127.0.0.1)', 'localhost'],
    ['same-site, other port', '127.0.0.1'],
  ])('cannot upload, delete or read: %s', async (_label, host) => {
    const before = await calls();
    const page = await browser.newPage();
    seen.length = 0;
    await page.goto(await evilServer(host));
    const result = (
      await page.waitForFunction(() => (window as unknown as { result?: unknown }).result, undefined, {
        timeout: 20_000,
      })
    ).jsonValue() as Promise<Record<string, string>>;
    const out = await result;
    await page.close();
    // The simple upload reached the server and was refused; the preflighted ones never got past OPTIONS.
    expect(seen.filter((s) => s.method === 'POST' && s.path === '/api/ingest').map((s) => s.status)).toEqual([
      403, 403,
    ]); // no-cors fetch + form
    expect(seen.filter((s) => s.method === 'OPTIONS').every((s) => s.status === 403)).toBe(true);
    expect(seen.some((s) => s.method === 'DELETE')).toBe(false);
    expect(out.withHeader).toMatch(/^blocked/);
    expect(out.delete).toMatch(/^blocked/);
    expect(out.read).toMatch(/^blocked/);
    expect(seen.filter((s) => s.path === '/api/summary').every((s) => s.status === 403)).toBe(true);
    expect(await calls()).toBe(before);
    expect(
      ((await (await fetch(`http://127.0.0.1:${apiPort}/api/ingest/jobs`)).json()) as { jobs: unknown[] }).jobs,
    ).toEqual([]);
  });

  it('a DNS-rebinding page (its name now points at this machine) reads nothing and writes nothing', async () => {
    const before = await calls();
    const page = await browser.newPage();
    seen.length = 0;
    const res = await page.goto(`http://rebind.test:${apiPort}/`);
    expect(res?.status()).toBe(403);
    // Same-origin from the page's point of view, so no CORS stands in the way: the Host check does.
    const out = await page.evaluate(async () => {
      const r1 = await fetch('/api/summary');
      const fd = new FormData();
      fd.append(
        'file',
        new Blob(['call_id,started_at,talk_seconds,disposition\nr1,2026-09-01T10:00:00+08:00,5,answered\n']),
        'r.csv',
      );
      const r2 = await fetch('/api/ingest', { method: 'POST', body: fd, headers: { 'X-Requested-With': 'hangup' } });
      const r3 = await fetch('/api/ingests/1', { method: 'DELETE', headers: { 'X-Requested-With': 'hangup' } });
      return [r1.status, r2.status, r3.status, await r1.text()];
    });
    await page.close();
    expect(out.slice(0, 3)).toEqual([403, 403, 403]);
    expect(out[3]).toContain('is not served here');
    expect(await calls()).toBe(before);
  });

  it('the dashboard itself, same origin, still writes (with X-Requested-With) and reads', async () => {
    const fd = new FormData();
    fd.append('file', new Blob([CSV.replace(/\\n/g, '\n')]), 'ok.csv');
    const res = await fetch(`http://127.0.0.1:${apiPort}/api/ingest`, {
      method: 'POST',
      body: fd,
      headers: { 'x-requested-with': 'hangup', origin: `http://127.0.0.1:${apiPort}` },
    });
    expect(res.status).toBe(202);
    for (;;) {
      const { jobs } = (await (await fetch(`http://127.0.0.1:${apiPort}/api/ingest/jobs`)).json()) as {
        jobs: { state: string }[];
      };
      if (jobs.every((j) => j.state === 'done' || j.state === 'failed')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await calls()).toBe(2003);
  });
});
