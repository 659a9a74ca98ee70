// Every error under /api answers one body: { error (for people), code (for programs), issues? },
// and an unexpected error is logged with its stack under an id the 500 body carries (issue 13.2).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ERROR_CODES, type ErrorBody } from '../../server/contract/errors.ts';
import { UserDirectory } from '../../server/auth/users.ts';
import { IngestJobs } from '../../server/ingest/jobs.ts';
import { formatStore, SETTINGS, type TempStore } from '../helpers/format-store.ts';

const W = { 'x-requested-with': 'hangup' };

function appOf(t: TempStore, o: { host?: string; token?: string; maxUploadBytes?: number; bodyIdleMs?: number } = {}) {
  return createApp({
    db: t.store.db,
    settings: SETTINGS,
    chromiumPath: '/nonexistent/chromium',
    ingest: {
      dataDir: t.store.dataDir,
      policy: { host: o.host ?? '127.0.0.1', token: o.token },
      maxUploadBytes: o.maxUploadBytes ?? 10 * 1048576,
      bodyIdleMs: o.bodyIdleMs,
      jobs: new IngestJobs(),
      inbox: null,
    },
  });
}

/** The status and body of a request, checking the body has exactly the shape's keys and nothing leaks. */
async function errorOf(app: ReturnType<typeof createApp>, path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  const text = await res.text();
  const body = JSON.parse(text) as ErrorBody;
  expect(typeof body.error, text).toBe('string');
  expect(ERROR_CODES, text).toContain(body.code);
  expect(Object.keys(body).filter((k) => !['error', 'code', 'issues', 'id', 'maxUploadBytes'].includes(k))).toEqual([]);
  expect(text).not.toMatch(/at \S+ \(|node_modules|\.ts:\d+/); // never a stack
  return { status: res.status, body };
}

const multipart = (text: string) => {
  const fd = new FormData();
  fd.append('file', new Blob([text]), 'calls.csv');
  return fd;
};

describe('one error body on every route', () => {
  let t: TempStore;
  afterEach(() => {
    vi.restoreAllMocks();
    t?.close();
  });

  it('400: parameters (issues naming each), upload framing and fields, a bad id, a bad user body', async () => {
    t = await formatStore();
    const app = appOf(t);
    expect(await errorOf(app, '/api/breakdown?by=nope&campain=x')).toEqual({
      status: 400,
      body: {
        error: 'bad request',
        code: 'bad_request',
        issues: [{ param: 'campain', message: expect.stringContaining('did you mean "campaign"') }],
      },
    });
    expect(await errorOf(app, '/api/ingest', { method: 'POST', headers: W, body: 'x' })).toEqual({
      status: 400,
      body: { error: 'send multipart/form-data with the file in a field named "file"', code: 'bad_upload' },
    });
    const fd = multipart('call_id\n1\n');
    fd.append('mapping', 'fields: [');
    expect(await errorOf(app, '/api/ingest', { method: 'POST', headers: W, body: fd })).toEqual({
      status: 400,
      body: { error: expect.stringMatching(/^mapping: not JSON or YAML/), code: 'bad_upload' },
    });
    expect(await errorOf(app, '/api/ingests/0', { method: 'DELETE', headers: W })).toEqual({
      status: 400,
      body: { error: 'ingest id must be a positive integer', code: 'bad_request' },
    });
    const user = await errorOf(app, '/api/users', {
      method: 'POST',
      headers: { ...W, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'ada', role: 'king' }),
    });
    expect(user).toMatchObject({ status: 400, body: { error: 'bad request', code: 'bad_request' } });
    expect(user.body.issues!.map((i) => i.param)).toEqual(['role']);
  });

  it('401, 403: sign in, role, another site, a write without the header', async () => {
    t = await formatStore();
    const { token } = await new UserDirectory(t.store.db, 0).add('vera', 'viewer');
    const open = appOf(t, { host: '0.0.0.0' });
    expect(await errorOf(open, '/api/summary')).toEqual({
      status: 401,
      body: { error: 'sign in: send Authorization: Bearer <token>', code: 'sign_in' },
    });
    expect(await errorOf(open, '/api/summary', { headers: { authorization: 'Bearer nope' } })).toEqual({
      status: 401,
      body: { error: 'token not recognised: sign in again', code: 'sign_in' },
    });
    const auth = { authorization: `Bearer ${token}` };
    expect(await errorOf(open, '/api/ingests/1', { method: 'DELETE', headers: { ...W, ...auth } })).toEqual({
      status: 403,
      body: { error: 'vera is a viewer; this needs the admin role', code: 'forbidden' },
    });
    expect(await errorOf(open, '/api/ingests/1', { method: 'DELETE', headers: auth })).toMatchObject({
      status: 403,
      body: { error: expect.stringContaining('X-Requested-With: hangup'), code: 'refused' },
    });
    expect(await errorOf(open, '/api/summary', { headers: { ...auth, host: 'evil.example' } })).toMatchObject({
      status: 403,
      body: { code: 'refused' },
    });
  });

  it('404, 409: no such endpoint, job, rejects, user; deleting a deleted ingest', async () => {
    t = await formatStore();
    const app = appOf(t);
    expect(await errorOf(app, '/api/nope')).toEqual({
      status: 404,
      body: { error: 'no such endpoint: GET /api/nope', code: 'not_found' },
    });
    expect(await errorOf(app, '/api/ingest/jobs/nope')).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(await errorOf(app, '/api/ingests/7/rejects')).toEqual({
      status: 404,
      body: { error: 'ingest #7 has no rejected rows to download', code: 'not_found' },
    });
    expect(await errorOf(app, '/api/users/nobody', { method: 'DELETE', headers: W })).toEqual({
      status: 404,
      body: { error: 'no user "nobody"', code: 'not_found' },
    });
    expect(await errorOf(app, '/api/ingests/7', { method: 'DELETE', headers: W })).toEqual({
      status: 404,
      body: { error: 'no ingest #7', code: 'not_found' },
    });
    const r = await t.ingest('asterisk_db.csv');
    expect((await app.request(`/api/ingests/${r.ingestId}`, { method: 'DELETE', headers: W })).status).toBe(200);
    expect(await errorOf(app, `/api/ingests/${r.ingestId}`, { method: 'DELETE', headers: W })).toEqual({
      status: 409,
      body: { error: `ingest #${r.ingestId} is deleted: no calls to delete`, code: 'conflict' },
    });
  });

  it('408, 413 on uploads, 503 without Chromium', async () => {
    t = await formatStore();
    const small = appOf(t, { maxUploadBytes: 1024, bodyIdleMs: 200 });
    expect(
      await errorOf(small, '/api/ingest', { method: 'POST', headers: W, body: multipart('x'.repeat(4096)) }),
    ).toEqual({
      status: 413,
      body: { error: 'file larger than the upload limit of 0 MiB', code: 'too_large', maxUploadBytes: 1024 },
    });
    const stalled = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(
          new TextEncoder().encode('--xx\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'),
        );
      },
    });
    const slow = await errorOf(small, '/api/ingest', {
      method: 'POST',
      headers: { ...W, 'content-type': 'multipart/form-data; boundary=xx' },
      body: stalled,
      duplex: 'half',
    } as RequestInit);
    expect(slow).toMatchObject({ status: 408, body: { code: 'upload_stalled' } });
    expect(await errorOf(small, '/api/reports/weekly?week=2026-W38&format=pdf')).toMatchObject({
      status: 503,
      body: { error: expect.stringContaining('apt-get install -y chromium'), code: 'unavailable' },
    });
  });

  it('500: logs the stack under an id and answers only that id', async () => {
    t = await formatStore();
    const app = appOf(t);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A failure nobody anticipated: the database refusing every read.
    t.store.db.query = () => Promise.reject(new Error('disk on fire'));
    const { status, body } = await errorOf(app, '/api/summary');
    expect(status).toBe(500);
    expect(body).toEqual({ error: 'internal error', code: 'internal', id: expect.stringMatching(/^[0-9a-f]{12}$/) });
    expect(log).toHaveBeenCalledTimes(1);
    const [line, err] = log.mock.calls[0]!;
    expect(line).toContain(`internal error ${body.id}: GET /api/summary`);
    expect((err as Error).message).toBe('disk on fire');
    expect((err as Error).stack).toMatch(/error-body\.test\.ts/); // the stack reaches the log, not the body
  });
});
