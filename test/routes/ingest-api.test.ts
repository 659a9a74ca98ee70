import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestJob } from '../../server/ingest/jobs.ts';
import { FORMATS_DIR, formatStore, type TempStore } from '../helpers/format-store.ts';

// Every write carries the header a cross-site form cannot send (issue 11).
const W = { 'x-requested-with': 'hangup' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TOKEN = 'test-token-0123456789abcdef';

function form(file: string | Buffer, name: string, fields: Record<string, string> = {}): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append(
    'file',
    new Blob([new Uint8Array(typeof file === 'string' ? readFileSync(join(FORMATS_DIR, file)) : file)]),
    name,
  );
  return fd;
}

async function waitJob(t: TempStore, id: string, headers: Record<string, string> = {}): Promise<IngestJob> {
  for (;;) {
    const { body } = await t.api<IngestJob>(`/api/ingest/jobs/${id}`, { headers });
    if (body.state === 'done' || body.state === 'failed') return body;
    await sleep(50);
  }
}

describe('POST /api/ingest and the ingest history', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('loads an upload as a job, lists it, serves its rejects, deletes its calls', async () => {
    t = await formatStore();
    const up = await t.api<{ jobId: string; statusUrl: string }>('/api/ingest', {
      method: 'POST',
      headers: W,
      body: form('twilio_calls_rest.csv', 'calls.csv'),
    });
    expect(up.status).toBe(202);
    const job = await waitJob(t, up.body.jobId);
    expect(job).toMatchObject({ state: 'done', source: 'upload', fileName: 'calls.csv' });
    // The inbound call is counted apart (issue 9), not rejected.
    expect(job.report).toMatchObject({
      format: 'twilio_calls',
      rowsRead: 9,
      calls: 7,
      folded: 2,
      inserted: 6,
      rejected: 0,
      inbound: 1,
    });
    expect(job.report).not.toHaveProperty('rejectsPath');
    const { body: h } = await t.api<{ ingests: Record<string, unknown>[] }>('/api/ingests');
    expect(h.ingests[0]).toMatchObject({
      ingestId: job.report!.ingestId,
      fileName: 'calls.csv',
      inbound: 1,
      foldNotes: expect.stringMatching(/child legs/),
    });
    expect(h.ingests[0]).not.toHaveProperty('rejectsPath'); // server paths stay on the server
    // A file with a refused row (VICIdial INCALL): its rejects are served.
    const withRejects = await waitJob(
      t,
      (
        await t.api<{ jobId: string }>('/api/ingest', {
          method: 'POST',
          headers: W,
          body: form('vicidial_log.tsv', 'log.tsv'),
        })
      ).body.jobId,
    );
    expect((withRejects.report as unknown as { rejectsFile: string }).rejectsFile).toMatch(/^log\.tsv\./);
    const rejects = await t.app.request(`/api/ingests/${withRejects.report!.ingestId}/rejects`);
    expect(rejects.status).toBe(200);
    expect(rejects.headers.get('content-disposition')).toBe(
      `attachment; filename="ingest-${withRejects.report!.ingestId}-rejects.tsv"`, // VICIdial's TABs kept, named so
    );
    const english = Buffer.from(await rejects.arrayBuffer());
    expect(english.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // Excel and WPS read UTF-8
    expect(english.toString('utf8')).toMatch(/status INCALL: call not finished/);
    // In Chinese: the reason translated, every other cell as written, the copy removed once sent.
    const zh = await t.app.request(`/api/ingests/${withRejects.report!.ingestId}/rejects?lang=zh`);
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-disposition')).toBe(
      `attachment; filename="ingest-${withRejects.report!.ingestId}-rejects-zh.tsv"`,
    );
    const chinese = Buffer.from(await zh.arrayBuffer()).toString('utf8');
    expect(chinese.startsWith('\ufeff')).toBe(true);
    expect(chinese).toContain('状态 INCALL：通话尚未结束');
    expect(chinese.replace('状态 INCALL：通话尚未结束', 'status INCALL: call not finished')).toBe(
      english.toString('utf8'),
    );
    await expect.poll(() => readdirSync(join(t.dir, 'tmp')).filter((f) => f.startsWith('rejects-zh'))).toEqual([]);
    // A data folder moved or restored elsewhere: the row still names the old absolute path.
    await t.store.db.write((con) =>
      con.run(
        `UPDATE ingest_log SET rejects_path = '/elsewhere/old-data/rejects/' || regexp_extract(rejects_path, '[^/]+$') WHERE ingest_id = $id`,
        {
          id: withRejects.report!.ingestId,
        },
      ),
    );
    const moved = await t.app.request(`/api/ingests/${withRejects.report!.ingestId}/rejects`);
    expect(moved.status).toBe(200);
    expect(Buffer.from(await moved.arrayBuffer())).toEqual(english);
    expect((await t.api(`/api/ingests/${withRejects.report!.ingestId}/rejects?lang=fr`)).status).toBe(400);
    expect((await t.api(`/api/ingests/${withRejects.report!.ingestId}/rejects?path=/etc/passwd`)).status).toBe(400);
    expect((await t.api(`/api/ingests/${withRejects.report!.ingestId}`, { method: 'DELETE', headers: W })).status).toBe(
      200,
    );
    expect(readdirSync(join(t.dir, 'uploads'))).toEqual([]); // the upload is removed once loaded

    const del = await t.api(`/api/ingests/${job.report!.ingestId}`, { method: 'DELETE', headers: W });
    expect(del).toMatchObject({
      status: 200,
      body: { ingestId: job.report!.ingestId, deleted: 6, kept: 0, keptBy: [] },
    });
    expect((await t.api<{ dials: number }>('/api/summary')).body.dials).toBe(0);
    expect((await t.api(`/api/ingests/${job.report!.ingestId}`, { method: 'DELETE', headers: W })).status).toBe(409);
    // Deleted bytes may be loaded again (not "repeated").
    const again = await t.api<{ jobId: string }>('/api/ingest', {
      method: 'POST',
      headers: W,
      body: form('twilio_calls_rest.csv', 'calls.csv'),
    });
    expect((await waitJob(t, again.body.jobId)).report).toMatchObject({ status: 'loaded', inserted: 6 });
  });

  it('never uses the client file name as a path', async () => {
    t = await formatStore();
    const up = await t.api<{ jobId: string }>('/api/ingest', {
      method: 'POST',
      headers: W,
      body: form('asterisk_db.csv', '../../../../tmp/evil.csv'),
    });
    const job = await waitJob(t, up.body.jobId);
    expect(job.report).toMatchObject({ status: 'loaded', fileName: 'evil.csv', inserted: 3 });
    expect(existsSync('/tmp/evil.csv')).toBe(false);
  });

  it('passes format, timezone and mapping fields; refuses bad ones with 400', async () => {
    t = await formatStore();
    const mapping = readFileSync(join(FORMATS_DIR, 'acme_dialer.mapping.yaml'), 'utf8');
    const up = await t.api<{ jobId: string }>('/api/ingest', {
      method: 'POST',
      headers: W,
      body: form('acme_dialer.csv', 'acme.csv', { mapping }),
    });
    expect((await waitJob(t, up.body.jobId)).report).toMatchObject({
      format: 'acme_dialer',
      inserted: 5,
      sourceTimezone: 'Europe/London',
    });
    const forced = await t.api<{ jobId: string }>('/api/ingest', {
      method: 'POST',
      headers: W,
      body: form('asterisk_cdr_csv_21.csv', 'm.csv', { format: 'asterisk_cdr_csv', timezone: 'UTC' }),
    });
    expect((await waitJob(t, forced.body.jobId)).report).toMatchObject({
      format: 'asterisk_cdr_csv',
      sourceTimezone: 'UTC',
    });
    const bad: Record<string, string>[] = [
      { format: 'nope' },
      { timezone: 'Mars/Base' },
      { mapping: 'fields: { started_at: { regex: "(?=x)" } }' },
    ];
    for (const fields of bad) {
      const res = await t.api<{ error: string }>('/api/ingest', {
        method: 'POST',
        headers: W,
        body: form('asterisk_db.csv', 'x.csv', fields),
      });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/format|timezone|regular expression/);
    }
    expect(
      (await t.api('/api/ingest', { method: 'POST', body: 'x', headers: { ...W, 'content-type': 'text/plain' } }))
        .status,
    ).toBe(400);
  });

  it('dateOrder: a file whose dates fit both ways is refused without it and loads day-first with it; a date it cannot read refuses the file; a bad value is a 400', async () => {
    t = await formatStore();
    const csv = (lines: string[]) =>
      Buffer.from(['call_id,started_at,talk_seconds,disposition', ...lines].join('\n') + '\n');
    const AMBIGUOUS = csv(['o1,03/04/2026 09:15:00,0,no_answer', 'o2,07/08/2026 23:30:00,0,no_answer']);
    /** The upload's answer, and its job's report once loaded or refused (null: the route answered 4xx). */
    const send = (file: Buffer, fields: Record<string, string> = {}) =>
      t.api<{ jobId: string; error: string; code: string }>('/api/ingest', {
        method: 'POST',
        headers: W,
        body: form(file, 'orders.csv', fields),
      });
    const upload = async (file: Buffer, fields: Record<string, string> = {}) => {
      const up = await send(file, fields);
      expect(up.status, up.body.error).toBe(202);
      return (await waitJob(t, up.body.jobId)).report!;
    };
    const refused = await upload(AMBIGUOUS);
    expect(refused.status).toBe('failed');
    expect(refused.messageParts).toEqual([
      { code: 'dates_order_ambiguous', args: { example: '07/08/2026 23:30:00', n: 2 } },
    ]);
    // Auto is what no field says: the same refusal.
    expect((await upload(AMBIGUOUS, { dateOrder: 'auto' })).status).toBe('failed');
    const loaded = await upload(AMBIGUOUS, { dateOrder: 'day-first' });
    expect(loaded).toMatchObject({ status: 'loaded', inserted: 2, rejected: 0 });
    expect(loaded.messageParts).toEqual([
      { code: 'dates_order_given', args: { order: 'day-first', example: '07/08/2026 23:30:00' } },
    ]);
    // Naive times are read in the business timezone (Asia/Shanghai): 3 April 09:15 there, 01:15Z.
    const calls = await t.store.db.query(
      `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS utc, local_date::VARCHAR AS d, hour
       FROM calls WHERE call_id LIKE 'o%' ORDER BY call_id`,
    );
    expect(calls).toEqual([
      { call_id: 'o1', utc: '2026-04-03 01:15', d: '2026-04-03', hour: 9 },
      { call_id: 'o2', utc: '2026-08-07 15:30', d: '2026-08-07', hour: 23 },
    ]);
    // The history keeps the note, keyed for the page.
    const history = await t.api<{ ingests: { ingestId: number; messageParts: unknown }[] }>('/api/ingests');
    expect(history.body.ingests.find((i) => i.ingestId === loaded.ingestId)!.messageParts).toEqual(loaded.messageParts);

    // 25/12 can only be day-first: given as month-first, the file is refused, not misread.
    const contradicted = await upload(csv(['c1,03/04/2026,0,no_answer', 'c2,25/12/2026 10:00,0,no_answer']), {
      dateOrder: 'month-first',
    });
    expect(contradicted).toMatchObject({ status: 'failed', inserted: 0 });
    expect(contradicted.messageParts).toEqual([
      { code: 'dates_order_contradicts', args: { order: 'month-first', example: '25/12/2026 10:00' } },
    ]);
    expect(contradicted.message).toMatch(
      /^dates do not fit the order given \(month first\): read that way, "25\/12\/2026 10:00" would have a month above 12/,
    );

    // A value the field does not know, and an order beside a mapping whose dateFormat names one: 400s naming the field.
    const mapping = readFileSync(join(FORMATS_DIR, 'real', 'freepbx_dayfirst.mapping.yaml'), 'utf8');
    const bad: Record<string, string>[] = [
      { dateOrder: 'dmy' },
      { dateOrder: 'DAY-FIRST' },
      { dateOrder: 'day-first', mapping },
    ];
    for (const fields of bad) {
      const res = await send(AMBIGUOUS, fields);
      expect(res.status, JSON.stringify(fields).slice(0, 40)).toBe(400);
      expect(res.body.code).toBe('bad_upload');
      expect(res.body.error).toMatch(/^dateOrder: /);
    }
    expect(readdirSync(join(t.store.dataDir, 'uploads'))).toEqual([]);
  });

  it('answers 413 with a clear message over the size limit', async () => {
    t = await formatStore({ maxUploadBytes: 2048 });
    const big = Buffer.alloc(8192, 'a');
    const streamed = await t.api<{ error: string; maxUploadBytes: number }>('/api/ingest', {
      method: 'POST',
      headers: W,
      body: form(big, 'big.csv'),
    });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({
      maxUploadBytes: 2048,
      error: expect.stringMatching(/larger than the upload limit/),
    });
    const declared = await t.api('/api/ingest', {
      method: 'POST',
      body: 'x',
      headers: { ...W, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * 1048576) },
    });
    expect(declared.status).toBe(413);
    expect(readdirSync(join(t.dir, 'uploads'))).toEqual([]);
  });

  it('rejects download: ids only, 404 when there is nothing', async () => {
    t = await formatStore();
    expect((await t.api('/api/ingests/abc/rejects')).status).toBe(400);
    expect((await t.api('/api/ingests/999/rejects')).status).toBe(404);
    expect((await t.api('/api/ingest/jobs/nope')).status).toBe(404);
  });
});

describe('write rules (upload token)', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('on loopback, writes need no token', async () => {
    t = await formatStore({ host: '127.0.0.1' });
    expect((await t.api('/api/ingest/status')).body).toMatchObject({
      uploadsEnabled: true,
      deletesEnabled: true,
      tokenRequired: false,
    });
  });

  it('on another address without users or a token, everything is closed and the API says why', async () => {
    t = await formatStore({ host: '0.0.0.0' });
    const status = await t.api<{ error: string }>('/api/ingest/status');
    expect(status.status).toBe(401);
    expect(status.body.error).toMatch(/users add NAME/);
    const up = await t.api<{ error: string }>('/api/ingest', {
      method: 'POST',
      headers: W,
      body: form('asterisk_db.csv', 'a.csv'),
    });
    expect(up.status).toBe(401);
    expect((await t.api('/api/ingests/1', { method: 'DELETE', headers: W })).status).toBe(401);
    expect((await t.api('/api/summary')).status).toBe(401); // reads are closed too (issue 11)
    expect((await t.api<{ authRequired: boolean }>('/api/session')).body).toMatchObject({
      authRequired: true,
      role: null,
    });
  });

  it('on another address, HANGUP_UPLOAD_TOKEN works as an uploader: reads and uploads, no deletes', async () => {
    t = await formatStore({ host: '0.0.0.0', token: TOKEN });
    expect(
      (await t.api('/api/ingest', { method: 'POST', headers: W, body: form('asterisk_db.csv', 'a.csv') })).status,
    ).toBe(401);
    expect(
      (
        await t.api('/api/ingest', {
          method: 'POST',
          body: form('asterisk_db.csv', 'a.csv'),
          headers: { ...W, authorization: 'Bearer wrong-token-0123456789' },
        })
      ).status,
    ).toBe(401);
    const ok = await t.api<{ jobId: string }>('/api/ingest', {
      method: 'POST',
      body: form('asterisk_db.csv', 'a.csv'),
      headers: { ...W, authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(202);
    const job = await waitJob(t, ok.body.jobId, { authorization: `Bearer ${TOKEN}` });
    expect((await t.api('/api/summary', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await t.api('/api/ingest/status', { headers: { 'x-upload-token': TOKEN } })).body).toMatchObject({
      uploadsEnabled: true,
      deletesEnabled: false,
      role: 'uploader',
    });
    expect((await t.api(`/api/ingests/${job.report!.ingestId}`, { method: 'DELETE', headers: W })).status).toBe(401);
    expect(
      (
        await t.api(`/api/ingests/${job.report!.ingestId}`, {
          method: 'DELETE',
          headers: { ...W, 'x-upload-token': TOKEN },
        })
      ).status,
    ).toBe(403);
  });
});
