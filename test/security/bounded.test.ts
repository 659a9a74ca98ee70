import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReadableStream } from 'node:stream/web';
import { describe, expect, it } from 'vitest';
import { recentAudit } from '../../server/auth/audit.ts';
import { recordOrphanUploads } from '../../server/ingest/history-note.ts';
import { receiveUpload, UploadStalled } from '../../server/ingest/upload.ts';
import { UPLOAD_FIELD_MAX_BYTES } from '../../server/contract/ingests.ts';
import { freshFormatStores } from '../helpers/suite-store.ts';

const W = { 'x-requested-with': 'hangup' };

describe('bounded uploads', () => {
  const fresh = freshFormatStores();

  it('cuts a body that stops sending (slow-loris) and leaves no file behind', async () => {
    const t = await fresh();
    const dir = join(t.dir, 'uploads');
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(
          enc.encode(
            '--xx\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\ncall_id,started_at\r\n',
          ),
        );
        // ...and then nothing more, ever.
      },
    });
    const t0 = Date.now();
    await expect(receiveUpload(body, 'multipart/form-data; boundary=xx', dir, 1e6, 300)).rejects.toBeInstanceOf(
      UploadStalled,
    );
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('multipart without a boundary is a 400 with a message, not a 500', async () => {
    const t = await fresh();
    const res = await t.api<{ error: string }>('/api/ingest', {
      method: 'POST',
      body: 'x',
      headers: { ...W, 'content-type': 'multipart/form-data' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/bad multipart request/);
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(/); // no stack trace
  });

  it('a text field over its limit (a mapping file) is a 400 naming it, never loaded half-read', async () => {
    const t = await fresh();
    const form = new FormData();
    form.set('mapping', `format: x\n# ${'y'.repeat(UPLOAD_FIELD_MAX_BYTES)}`);
    form.set('file', new Blob(['call_id,started_at\n']), 'a.csv');
    const res = await t.api<{ error: string }>('/api/ingest', { method: 'POST', body: form, headers: W });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('field "mapping" is over 256 KiB');
    expect(readdirSync(join(t.dir, 'uploads'))).toEqual([]); // the received file is removed
  });

  it('uploads a killed server left behind are removed at start with an `interrupted` history row', async () => {
    const t = await fresh();
    const dir = join(t.dir, 'uploads');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '6f1c1f9e-0000-4000-8000-000000000001.csv'), 'call_id\n1\n');
    writeFileSync(
      join(dir, '6f1c1f9e-0000-4000-8000-000000000001.csv.upload.json'),
      JSON.stringify({ clientName: 'big-march.csv', receivedAt: '2026-12-01T10:00:00Z' }),
    );
    writeFileSync(join(dir, '6f1c1f9e-0000-4000-8000-000000000002.csv.gz'), 'partial'); // killed before its note was written
    const names = await recordOrphanUploads(t.store.db, dir);
    expect(names.sort()).toEqual(['6f1c1f9e-0000-4000-8000-000000000002.csv.gz', 'big-march.csv']);
    expect(readdirSync(dir)).toEqual([]);
    const history = (
      await t.api<{ ingests: { fileName: string; status: string; message: string; inserted: number }[] }>(
        '/api/ingests',
      )
    ).body.ingests;
    expect(history.map((h) => [h.fileName, h.status, h.inserted]).sort()).toEqual([
      ['6f1c1f9e-0000-4000-8000-000000000002.csv.gz', 'interrupted', 0],
      ['big-march.csv', 'interrupted', 0],
    ]);
    expect(history[0]!.message).toMatch(/send the file again/);
    expect(await recordOrphanUploads(t.store.db, dir)).toEqual([]); // a second start finds nothing
    expect(existsSync(dir)).toBe(true);
    expect(await recentAudit(t.store.db)).toEqual([]); // serve.ts writes the audit rows; this is only the history
  });
});
