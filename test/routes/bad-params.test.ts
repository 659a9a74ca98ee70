import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, getJson, tempStore } from '../helpers/temp-store.ts';

describe('bad parameters get a 400 naming the parameter, never a 500', () => {
  let store: Awaited<ReturnType<typeof tempStore>>;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    store = await tempStore();
    app = appFor(store);
  });
  afterAll(() => store.cleanup());

  const cases: [string, string][] = [
    ['/api/breakdown?by=phone', 'by'],
    ['/api/breakdown', 'by'],
    ['/api/breakdown?by=hour;DROP TABLE calls', 'by'],
    ['/api/heatmap?x=hour&y=calls', 'y'],
    ['/api/summary?from=2026-13-01', 'from'],
    ['/api/summary?from=2026-02-30', 'from'],
    ['/api/summary?to=yesterday', 'to'],
    ['/api/summary?from=2026-09-10&to=2026-09-01', 'to'],
    ['/api/summary?from=2026-09-10&to=2026-09-10', 'to'],
    [`/api/summary?campaign=${'x'.repeat(600)}`, 'campaign'],
    ['/api/summary?from=2026-09-01&from=2026-09-02', 'from'],
  ];
  for (const [url, param] of cases) {
    it(`${url.slice(0, 70)} -> 400 on ${param}`, async () => {
      const { status, body } = await getJson(app, url);
      expect(status).toBe(400);
      expect(body.error).toBe('bad request');
      expect(body.issues.map((i: any) => i.param)).toContain(param);
      expect(JSON.stringify(body)).not.toMatch(/SELECT|duckdb/i);
    });
  }

  it('filter values are bound, not spliced: SQL text in a value matches nothing', async () => {
    const { status, body } = await getJson(app, "/api/summary?campaign=x' OR '1'='1");
    expect(status).toBe(200);
    expect(body.dials).toBe(0);
  });

  it('unknown API path is a JSON 404', async () => {
    const { status, body } = await getJson(app, '/api/nope');
    expect(status).toBe(404);
    expect(body.error).toMatch(/no such endpoint/);
  });

  it('health answers with the call count', async () => {
    expect((await getJson(app, '/api/health')).body).toMatchObject({ status: 'ok', calls: 0 });
  });
});
