import { afterEach, describe, expect, it } from 'vitest';
import type { IngestJob } from '../../server/ingest/jobs.ts';
import { formatStore, type TempStore } from '../helpers/format-store.ts';

// Every write carries the header a cross-site form cannot send (issue 11).
const W = { 'x-requested-with': 'hangup' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A FreeSWITCH example-template file of n calls (about 215 bytes a row). */
function bigFreeswitch(n: number): Uint8Array<ArrayBuffer> {
  const ts = (x: number) => new Date(x * 1000).toISOString().slice(0, 19).replace('T', ' ');
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = 1726534800 + i * 7;
    const answered = i % 3 !== 0;
    rows.push(
      `"Outbound Call","021500${String(i % 50).padStart(5, '0')}","138${String(i % 90000).padStart(8, '0')}","default","${ts(s)}",` +
        `"${answered ? ts(s + 6) : ''}","${ts(s + 40)}","40","${answered ? 34 : 0}","NORMAL_CLEARING",` +
        `"6f1c2a10-0000-4000-8000-${String(i).padStart(12, '0')}","","campX","PCMA","PCMA","${answered ? (i % 2 ? 'recv_bye' : 'send_bye') : 'send_cancel'}"`,
    );
  }
  const bytes = Buffer.from(rows.join('\n') + '\n');
  const out = new Uint8Array(new ArrayBuffer(bytes.length));
  out.set(bytes);
  return out;
}

describe('a large upload', () => {
  let t: TempStore;
  afterEach(() => t?.close());

  it('loads in the background with progress while queries keep being answered', { timeout: 240_000 }, async () => {
    t = await formatStore({ maxUploadBytes: 200 * 1048576 });
    const base = await t.ingest('freeswitch_example_disposition.csv'); // something to query meanwhile
    expect(base.inserted).toBe(6);
    const n = 150_000;
    const fd = new FormData();
    fd.append('file', new Blob([bigFreeswitch(n)]), 'big-Master.csv');
    const up = await t.api<{ jobId: string }>('/api/ingest', { method: 'POST', headers: W, body: fd });
    expect(up.status).toBe(202);
    const phases = new Set<string>();
    let answeredWhileLoading = 0;
    let slowest = 0;
    let job: IngestJob;
    for (;;) {
      job = (await t.api<IngestJob>(`/api/ingest/jobs/${up.body.jobId}`)).body;
      if (job.state === 'done' || job.state === 'failed') break;
      if (job.phase) phases.add(job.phase);
      const t0 = Date.now();
      const s = await t.api<{ dials: number }>('/api/summary');
      slowest = Math.max(slowest, Date.now() - t0);
      expect(s.status).toBe(200);
      // Readers see the last committed state: the big file appears all at once, at its commit.
      if (s.body.dials === 6 && (await t.api<IngestJob>(`/api/ingest/jobs/${up.body.jobId}`)).body.state === 'running')
        answeredWhileLoading++;
      await sleep(100);
    }
    expect(job.state).toBe('done');
    expect(job.report).toMatchObject({ rowsRead: n, calls: n, inserted: n, rejected: 0 });
    expect(answeredWhileLoading).toBeGreaterThanOrEqual(3);
    expect([...phases]).toEqual(expect.arrayContaining(['reading', 'checking']));
    expect(slowest).toBeLessThan(5000);
    expect((await t.api<{ dials: number }>('/api/summary')).body.dials).toBe(n + 6);
  });
});
