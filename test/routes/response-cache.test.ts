import { describe, expect, it, vi } from 'vitest';
import { suiteStore } from '../helpers/suite-store.ts';
import { csv, ingestText } from '../helpers/temp-store.ts';

const call = (id: string, talk: number) => ({
  call_id: id,
  started_at: '2026-09-07T09:10:00+08:00',
  disposition: 'answered',
  talk_seconds: talk,
  hangup_by: 'callee',
});

describe('response cache: per data generation, ETag and 304', () => {
  const suite = suiteStore((store) => ingestText(store, 'a.csv', csv([call('c1', 3), call('c2', 40)])));

  it('answers with an ETag; If-None-Match with it gets 304 and no body', async () => {
    const first = await suite.app.request('/api/summary?segment=x&campaign=y');
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    // Same request, parameters in another order: same key, same ETag.
    const again = await suite.app.request('/api/summary?campaign=y&segment=x', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await suite.app.request('/api/summary', { headers: { 'If-None-Match': etag! } });
    expect(other.status).toBe(200);
  });

  it('serves the cached body without running the query again, until a write', async () => {
    const a = await (await suite.app.request('/api/summary')).json();
    const queries = vi.spyOn(suite.store.db, 'query'); // counts, and still runs, every query
    try {
      expect(await (await suite.app.request('/api/summary')).json()).toEqual(a);
      expect(queries).not.toHaveBeenCalled();
      // Eight identical requests at once run the query once between them.
      const b = await Promise.all(
        Array.from({ length: 8 }, async () => (await suite.app.request('/api/breakdown?by=hour')).json()),
      );
      expect(new Set(b.map((x) => JSON.stringify(x))).size).toBe(1);
      const afterBreakdown = queries.mock.calls.length;
      expect(afterBreakdown).toBeGreaterThan(0);
      expect(afterBreakdown).toBeLessThanOrEqual(2); // the query and, at most, the planner's rollup sizes
    } finally {
      queries.mockRestore();
    }
    const etag = (await suite.app.request('/api/summary')).headers.get('etag')!;
    await ingestText(suite.store, 'b.csv', csv([call('c3', 2)]));
    const res = await suite.app.request('/api/summary', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(200);
    expect((await res.json()).dials).toBe(a.dials + 1);
  });

  it('a request with Cache-Control: no-cache is computed afresh (hard reload, uncached benchmark)', async () => {
    await suite.app.request('/api/heatmap');
    const queries = vi.spyOn(suite.store.db, 'query'); // counts, and still runs, every query
    try {
      await suite.app.request('/api/heatmap');
      expect(queries).not.toHaveBeenCalled();
      const fresh = await suite.app.request('/api/heatmap', { headers: { 'Cache-Control': 'no-cache' } });
      expect(fresh.status).toBe(200);
      expect(queries).toHaveBeenCalled();
    } finally {
      queries.mockRestore();
    }
  });

  it('errors and uncacheable routes pass through untouched', async () => {
    const bad = await suite.app.request('/api/breakdown?by=nope');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('etag')).toBeNull();
    expect((await suite.app.request('/api/ingests')).headers.get('etag')).toBeNull();
  });
});
