/**
 * The "What drove the change" section follows the week's headline (DESIGN.md, Metrics): a week
 * whose answered calls do not say who hung up decomposes the short-call rate (short calls /
 * answered) over segments; a week with known parties decomposes the hang-up rate exactly as
 * before (its HTML section is compared byte for byte with what the report printed before this
 * change). Every number below is worked out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherReportData, headlineOf, type ReportData } from '../../server/report/data.ts';
import { renderHtml } from '../../server/report/html.ts';
import { parseIsoWeek } from '../../server/report/week.ts';
import { csv, ingestText, SETTINGS, tempStore } from '../helpers/temp-store.ts';

type Row = Record<string, string | number | undefined>;

/**
 * `answered` answered calls of one segment on `date` at 10:00 local, the first `short` of them
 * 3 s long, the rest 60 s; `party(isShort)` says who hung up (undefined = the CDR does not say).
 */
function calls(
  date: string,
  segment: string,
  answered: number,
  short: number,
  party: (isShort: boolean) => string | undefined,
): Row[] {
  return Array.from({ length: answered }, (_, i) => ({
    call_id: `${segment}-${date}-${i}`,
    started_at: `${date}T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}+08:00`,
    ring_seconds: 5,
    talk_seconds: i < short ? 3 : 60,
    disposition: 'answered',
    hangup_by: party(i < short),
    campaign: 'drivers',
    script_id: 'A',
    caller_number: '02155570001',
    segment,
  }));
}

// Two segments, two weeks (W37 Monday 2026-09-07, W38 Monday 2026-09-14), all at 10:00 from one number.
//   previous: retired 50 answered, 5 short (0.10); student 50, 20 short (0.40). R0 = 25/100 = 0.25
//   current:  retired 30 answered, 9 short (0.30); student 70, 28 short (0.40). R1 = 37/100 = 0.37
// Shares w0 = (0.5, 0.5), w1 = (0.3, 0.7); change 0.12.
//   mix  = (0.3 − 0.5)·(0.10 + 0.30)/2 + (0.7 − 0.5)·(0.40 + 0.40)/2 = −0.04 + 0.08 = 0.04
//   rate = (0.30 − 0.10)·(0.5 + 0.3)/2 + (0.40 − 0.40)·(0.5 + 0.7)/2 = 0.08 + 0      = 0.08
// retired: mix −0.04, rate 0.08, total 0.04; student: mix 0.08, rate 0, total 0.08 (the largest).
function layout(party: (isShort: boolean) => string | undefined): Row[] {
  return [
    ...calls('2026-09-07', 'retired', 50, 5, party),
    ...calls('2026-09-07', 'student', 50, 20, party),
    ...calls('2026-09-14', 'retired', 30, 9, party),
    ...calls('2026-09-14', 'student', 70, 28, party),
  ];
}

// No answered call says who hung up: no hang-up rate at all, the headline is the short-call rate.
const UNKNOWN = layout(() => undefined);
// Every short call hung up by the callee, every long one by the agent: the hang-up rate has the
// same hand values over known-party calls. Five more 3 s calls of retired customers in W37 with
// no party change the short-call rate (10 of 55) but not the hang-up rate, so the numbers below
// tell which rate was decomposed.
const KNOWN = [
  ...layout((isShort) => (isShort ? 'callee' : 'agent')),
  ...calls('2026-09-08', 'retired', 5, 5, () => undefined),
];

const WEEK = '2026-W38';
const FILTERS = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
const NOW = new Date('2026-09-21T01:00:00Z');

interface Case {
  cleanup: () => void;
  data: ReportData;
}
async function open(rows: Row[]): Promise<Case> {
  const store = await tempStore();
  const r = await ingestText(store, 'drivers.csv', csv(rows));
  if (r.inserted !== rows.length) throw new Error(`ingest: ${JSON.stringify(r)}`);
  const data = await gatherReportData(store.db, {
    week: parseIsoWeek(WEEK),
    filters: FILTERS,
    settings: SETTINGS,
    now: NOW,
  });
  return { cleanup: store.cleanup, data };
}

let unknown: Case;
let known: Case;
beforeAll(async () => {
  [unknown, known] = await Promise.all([open(UNKNOWN), open(KNOWN)]);
});
afterAll(() => {
  unknown?.cleanup();
  known?.cleanup();
});

/** The decomposition section of a rendered report: from its h2 to the next section's. */
function driversHtml(page: string, lang: 'en' | 'zh'): string {
  const start = page.indexOf(lang === 'en' ? '<h2>What drove the change' : '<h2>变化来自哪里');
  const end = page.indexOf('<section>', start);
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return page.slice(start, end);
}

describe('decomposition when the hang-up party is known: the hang-up rate, unchanged', () => {
  it('decomposes early hang-ups over known-party calls', () => {
    expect(headlineOf(known.data.current)).toBe('hangup');
    const seg = known.data.decompositions.find((x) => x.dimension === 'segment')!.result;
    expect(seg.rate0).toBeCloseTo(0.25, 12);
    expect(seg.rate1).toBeCloseTo(0.37, 12);
    expect(seg.mix).toBeCloseTo(0.04, 12);
    expect(seg.rate).toBeCloseTo(0.08, 12);
  });

  it.each(['en', 'zh'] as const)(
    'HTML (%s): the section is byte-equal to the report before the change',
    async (lang) => {
      await expect(driversHtml(renderHtml(known.data, lang), lang)).toMatchFileSnapshot(
        `./__snapshots__/drivers-hangup.${lang}.html`,
      );
    },
  );
});
