import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { UserDirectory } from '../../server/auth/users.ts';
import { IngestJobs } from '../../server/ingest/jobs.ts';
import { FORMATS_DIR, formatStore, SETTINGS, type TempStore } from '../helpers/format-store.ts';

const W = { 'x-requested-with': 'hangup' };
const UPLOAD_TOKEN = 'upload-token-0123456789abcdef';

function form(name = 'asterisk_db.csv'): FormData {
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(readFileSync(join(FORMATS_DIR, name)))]), name);
  return fd;
}

/** The same store behind an app with another access policy (as `serve` builds it for HOST/HANGUP_ALLOWED_HOSTS). */
function appWith(t: TempStore, access: { host: string; token?: string; allowedHosts?: string[] }) {
  return createApp({
    db: t.store.db,
    settings: SETTINGS,
    ingest: {
      dataDir: t.store.dataDir,
      policy: access,
      maxUploadBytes: 10 * 1048576,
      jobs: new IngestJobs(),
      inbox: null,
    },
  });
}

async function settle(app: ReturnType<typeof createApp>, jobId: string, auth: Record<string, string>) {
  for (;;) {
    const job = (await (await app.request(`/api/ingest/jobs/${jobId}`, { headers: auth })).json()) as {
      state: string;
      report: { ingestId: number };
    };
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('no cross-site anything', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('refuses a Host that is not ours (DNS rebinding), on the API and the pages', async () => {
    t = await formatStore();
    for (const path of ['/api/summary', '/api/ingests', '/', '/data']) {
      const res = await t.app.request(path, { headers: { host: 'evil.example' } });
      expect(res.status, path).toBe(403);
    }
    expect((await t.app.request('/api/summary', { headers: { host: 'evil.example:8787' } })).status).toBe(403);
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787', 'LOCALHOST']) {
      expect((await t.app.request('/api/summary', { headers: { host } })).status, host).toBe(200);
    }
    const listed = appWith(t, { host: '0.0.0.0', allowedHosts: ['dash.example.com'], token: UPLOAD_TOKEN });
    const auth = { authorization: `Bearer ${UPLOAD_TOKEN}` };
    expect((await listed.request('/api/summary', { headers: { host: 'dash.example.com:8787', ...auth } })).status).toBe(
      200,
    );
    expect((await listed.request('/api/summary', { headers: { host: 'evil.example', ...auth } })).status).toBe(403);
    const bound = appWith(t, { host: '10.1.2.3', token: UPLOAD_TOKEN });
    expect((await bound.request('/api/summary', { headers: { host: '10.1.2.3:8787', ...auth } })).status).toBe(200);
  });

  it('refuses requests another site made, and writes without X-Requested-With: hangup', async () => {
    t = await formatStore();
    const post = (headers: Record<string, string>) =>
      t.app.request('/api/ingest', { method: 'POST', body: form(), headers });
    expect((await post({})).status).toBe(403); // a plain cross-site form or curl without the header
    expect((await post({ ...W, origin: 'http://evil.example' })).status).toBe(403);
    expect((await post({ ...W, origin: 'null' })).status).toBe(403);
    expect((await post({ ...W, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ ...W, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await t.app.request('/api/summary', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect(
      (await t.app.request('/api/ingests/1', { method: 'DELETE', headers: { origin: 'http://localhost:9999', ...W } }))
        .status,
    ).toBe(403);
    const ok = await post({ ...W, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(202);
    await settle(t.app, ((await ok.json()) as { jobId: string }).jobId, {}); // never close the store under a running job
    const body = (await (await post({})).json()) as { error: string };
    expect(body.error).toContain('X-Requested-With: hangup');
  });

  it('puts security headers on every response', async () => {
    t = await formatStore();
    for (const [path, status] of [
      ['/api/summary', 200],
      ['/api/breakdown?by=nope', 400],
      ['/api/nope', 404],
      ['/', 200],
    ] as const) {
      const res = await t.app.request(path);
      expect([res.status, path]).toEqual([status === 200 && path === '/' ? res.status : status, path]);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });
});

describe('roles', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('checks the role of every route off loopback; HANGUP_UPLOAD_TOKEN is an uploader; everything written is audited', async () => {
    t = await formatStore();
    const dir = new UserDirectory(t.store.db, 0);
    const tokens = {
      viewer: (await dir.add('vera', 'viewer')).token,
      uploader: (await dir.add('ulla', 'uploader')).token,
      admin: (await dir.add('ada', 'admin')).token,
    };
    // Only salted hashes are stored: no token text anywhere in the table.
    const stored = JSON.stringify(await t.store.db.query('SELECT * FROM users'));
    for (const tok of Object.values(tokens)) expect(stored).not.toContain(tok.split('_').slice(2).join('_')); // the secret (base64url may hold '_')
    const app = appWith(t, { host: '0.0.0.0', token: UPLOAD_TOKEN });
    const as = (tok: string | null): Record<string, string> => (tok ? { authorization: `Bearer ${tok}` } : {});
    const status = async (path: string, tok: string | null, init: RequestInit = {}) =>
      (await app.request(path, { ...init, headers: { ...W, ...as(tok), ...(init.headers as Record<string, string>) } }))
        .status;

    for (const path of [
      '/api/summary',
      '/api/health',
      '/api/ingests',
      '/api/ab',
      '/api/ingest/status',
      '/api/audit',
      '/api/reports/weekly?week=2026-W37&format=csv',
    ]) {
      expect(await status(path, null), path).toBe(401);
      expect(await status(path, 'hgi_000000000000_' + 'x'.repeat(43)), path).toBe(401);
      expect(await status(path, tokens.viewer), path).toBe(200);
    }
    expect(await status('/api/session', null)).toBe(200); // the dashboard asks here whether to sign in

    // Uploads: uploader and admin (and the upload token), not viewer.
    expect(await status('/api/ingest', tokens.viewer, { method: 'POST', body: form() })).toBe(403);
    const up = await app.request('/api/ingest', {
      method: 'POST',
      body: form(),
      headers: { ...W, ...as(tokens.uploader) },
    });
    expect(up.status).toBe(202);
    const job = await settle(app, ((await up.json()) as { jobId: string }).jobId, as(tokens.uploader));
    const viaToken = await app.request('/api/ingest', {
      method: 'POST',
      body: form('twilio_calls_rest.csv'),
      headers: { ...W, ...as(UPLOAD_TOKEN) },
    });
    expect(viaToken.status).toBe(202);
    await settle(app, ((await viaToken.json()) as { jobId: string }).jobId, as(UPLOAD_TOKEN));

    // Rejected rows (raw source rows): uploader and up.
    const rejects = `/api/ingests/${job.report.ingestId}/rejects`;
    expect(await status(rejects, tokens.viewer)).toBe(403);
    expect([200, 404]).toContain(await status(rejects, tokens.uploader));

    // Deletes and users: admin only.
    const del = `/api/ingests/${job.report.ingestId}`;
    expect(await status(del, tokens.uploader, { method: 'DELETE' })).toBe(403);
    expect(await status(del, UPLOAD_TOKEN, { method: 'DELETE' })).toBe(403);
    expect(await status(del, tokens.admin, { method: 'DELETE' })).toBe(200);
    expect(await status('/api/users', tokens.uploader)).toBe(403);
    const made = await app.request('/api/users', {
      method: 'POST',
      body: JSON.stringify({ name: 'neo', role: 'viewer' }),
      headers: { ...W, ...as(tokens.admin), 'content-type': 'application/json' },
    });
    expect(made.status).toBe(201);
    const neo = ((await made.json()) as { token: string }).token;
    expect(await status('/api/summary', neo)).toBe(200);
    expect(await status('/api/users/neo', tokens.admin, { method: 'DELETE' })).toBe(200);
    expect(await status('/api/summary', neo)).toBe(401);

    // Each role sees what it may do.
    const st = async (tok: string) =>
      (await (await app.request('/api/ingest/status', { headers: as(tok) })).json()) as Record<string, unknown>;
    expect(await st(tokens.viewer)).toMatchObject({
      uploadsEnabled: false,
      deletesEnabled: false,
      role: 'viewer',
      user: 'vera',
    });
    expect(await st(tokens.uploader)).toMatchObject({ uploadsEnabled: true, deletesEnabled: false, role: 'uploader' });
    expect(await st(tokens.admin)).toMatchObject({ uploadsEnabled: true, deletesEnabled: true, role: 'admin' });

    // The audit log: who, what, file sha256, counts.
    const audit = (
      (await (await app.request('/api/audit', { headers: as(tokens.viewer) })).json()) as {
        entries: Record<string, unknown>[];
      }
    ).entries;
    const actions = audit.map((a) => `${a.actor}:${a.action}:${a.outcome}`).reverse();
    expect(actions).toEqual([
      'ulla:upload:loaded',
      'upload token:upload:loaded',
      'ada:delete:deleted',
      'ada:user_add:added',
      'ada:user_remove:removed',
    ]);
    const upload = audit.find((a) => a.actor === 'ulla')!;
    expect(upload).toMatchObject({
      role: 'uploader',
      fileName: 'asterisk_db.csv',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      counts: { inserted: expect.any(Number) },
    });
    expect(audit.find((a) => a.action === 'delete')).toMatchObject({
      counts: { deleted: expect.any(Number), kept: 0 },
    });
  });

  it('loopback with no users is open as before; with users it asks for a token too', async () => {
    t = await formatStore();
    expect((await t.app.request('/api/summary')).status).toBe(200);
    expect(await (await t.app.request('/api/session')).json()).toMatchObject({ authRequired: false, role: 'admin' });
    const { token } = await new UserDirectory(t.store.db, 0).add('ada', 'admin');
    const app = appWith(t, { host: '127.0.0.1' });
    expect((await app.request('/api/summary')).status).toBe(401);
    expect((await app.request('/api/summary', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(
      await (await app.request('/api/session', { headers: { authorization: `Bearer ${token}` } })).json(),
    ).toMatchObject({ authRequired: true, user: 'ada', role: 'admin' });
  });
});
