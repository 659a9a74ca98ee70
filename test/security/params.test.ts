import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickControl } from '../../server/analysis/control.ts';
import { appFor, csv, getJson, ingestText, tempStore } from '../helpers/temp-store.ts';

type Store = Awaited<ReturnType<typeof tempStore>>;
let s: Store;
let app: ReturnType<typeof appFor>;

/** Campaign "north" runs scripts 0-test (few answered), B (most answered) and C; "south" runs S only. */
function calls() {
  const out: Record<string, string | number>[] = [];
  const add = (script: string, campaign: string, n: number, answered: number) => {
    for (let i = 0; i < n; i++) {
      out.push({
        call_id: `${campaign}-${script}-${i}`,
        started_at: `2026-09-${String(1 + (i % 20)).padStart(2, '0')}T10:00:00+08:00`,
        talk_seconds: i < answered ? 5 + (i % 40) : 0,
        disposition: i < answered ? 'answered' : 'no_answer',
        hangup_by: i < answered ? 'callee' : '',
        campaign,
        script_id: script,
      });
    }
  };
  add('0-test', 'north', 40, 5);
  add('B', 'north', 60, 50);
  add('C', 'north', 50, 30);
  add('S', 'south', 30, 20);
  return out;
}

beforeAll(async () => {
  s = await tempStore();
  const r = await ingestText(s, 'calls.csv', csv(calls()));
  expect(r.status).toBe('loaded');
  app = appFor(s);
});
afterAll(() => s?.cleanup());

describe('strict parameters', () => {
  it('an unknown query parameter is a 400 naming it (never silently unfiltered data)', async () => {
    for (const url of [
      '/api/summary?campain=north',
      '/api/breakdown?by=hour&campain=north',
      '/api/heatmap?x=hour&y=weekday&campain=north',
      '/api/ab?campain=north',
      '/api/survival?campain=north',
      '/api/recommendations?campain=north',
      '/api/reports/weekly?week=2026-W37&campain=north',
    ]) {
      const { status, body } = await getJson(app, url);
      expect(status, url).toBe(400);
      expect(body.issues, url).toEqual([
        expect.objectContaining({ param: 'campain', message: expect.stringContaining('did you mean "campaign"') }),
      ]);
    }
    expect((await getJson(app, '/api/summary?campaign=north')).status).toBe(200);
  });

  it('control=NOPE and a script not in the campaign are 400s naming the parameter', async () => {
    const nope = await getJson(app, '/api/ab?control=NOPE');
    expect(nope.status).toBe(400);
    expect(nope.body.issues).toEqual([
      expect.objectContaining({ param: 'control', message: expect.stringContaining('"NOPE" is not a script in view') }),
    ]);
    const stray = await getJson(app, '/api/ab?campaign=north&script=S');
    expect(stray.status).toBe(400);
    expect(stray.body.issues).toEqual([
      expect.objectContaining({ param: 'script', message: expect.stringContaining('in campaign north') }),
    ]);
    // A control outside the filtered view is as unknown as a made-up one.
    expect((await getJson(app, '/api/ab?campaign=south&control=B')).status).toBe(400);
    expect((await getJson(app, '/api/ab?campaign=north&script=B&script=C&control=C')).body.control).toBe('C');
  });

  it('the default control is the script with the most answered calls, unless a scripts file marks one', async () => {
    expect((await getJson(app, '/api/ab?campaign=north')).body.control).toBe('B'); // not "0-test", which sorts first
    expect((await getJson(app, '/api/ab?campaign=south')).body.control).toBe('S');
    const dim = await ingestText(
      s,
      'scripts.csv',
      'script_id,campaign,opening_line,control\nB,north,Hello,\nC,north,Hi there,true\n',
    );
    expect(dim).toMatchObject({ status: 'loaded', kind: 'dimension' });
    expect((await getJson(app, '/api/ab?campaign=north')).body.control).toBe('C');
    // A marked control outside the view does not apply there.
    expect((await getJson(app, '/api/ab?campaign=south')).body.control).toBe('S');
  });

  it('pickControl: marked wins, then most answered, ties by name', () => {
    expect(pickControl([])).toBeNull();
    expect(
      pickControl([
        { script: 'b', answered: 5, marked: false },
        { script: 'a', answered: 5, marked: false },
      ]),
    ).toBe('a');
    expect(
      pickControl([
        { script: 'a', answered: 9, marked: false },
        { script: 'z', answered: 1, marked: true },
      ]),
    ).toBe('z');
  });
});
