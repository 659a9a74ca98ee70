/**
 * The weekly report's sentences when a rate has no denominator (issue 9): a week with no answered
 * call at all, and a week whose answered calls never say who hung up (no hang-up rate, the
 * short-call rate instead), this week and as the week compared with. Every number by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, csv, ingestText, tempStore } from '../helpers/temp-store.ts';

type Row = Record<string, string | number | undefined>;
let n = 0;
const call = (date: string, disposition: string, talk?: number, hangupBy?: string): Row => ({
  call_id: `z-${++n}`,
  started_at: `${date}T10:${String(n).padStart(2, '0')}:00+08:00`,
  ring_seconds: 5,
  talk_seconds: talk ?? 0,
  disposition,
  hangup_by: hangupBy,
  campaign: 'zero',
  script_id: 'A',
  segment: 'retail',
});

const ROWS: Row[] = [
  // W36: 4 answered, none says who hung up; talk 2, 5 (short, < 10 s), 20, 40 -> short-call rate 2/4.
  ...[2, 5, 20, 40].map((s) => call('2026-09-02', 'answered', s)),
  // W37: 5 answered, every party known. Early hang-ups (callee, < 10 s): 3 s and 8 s -> 2/5 = 40.0%.
  // Short calls (any party): 3, 8, 5 -> 3/5 = 60.0%. Plus one unanswered dial.
  call('2026-09-08', 'answered', 3, 'callee'),
  call('2026-09-08', 'answered', 8, 'callee'),
  call('2026-09-08', 'answered', 15, 'callee'),
  call('2026-09-08', 'answered', 5, 'agent'),
  call('2026-09-08', 'answered', 30, 'system'),
  call('2026-09-08', 'no_answer'),
  // W38: 5 answered, none says who hung up; talk 4, 6 short -> 2/5 = 40.0%. Two unanswered dials.
  ...[4, 6, 12, 30, 45].map((s) => call('2026-09-16', 'answered', s)),
  call('2026-09-16', 'no_answer'),
  call('2026-09-16', 'no_answer'),
  // W39: 4 dials, none answered.
  call('2026-09-22', 'no_answer'),
  call('2026-09-22', 'no_answer'),
  call('2026-09-22', 'busy'),
  call('2026-09-22', 'rejected'),
  // W40: 2 answered, both known: callee after 2 s (early), agent after 20 s -> 1/2 = 50.0%.
  call('2026-09-29', 'answered', 2, 'callee'),
  call('2026-09-29', 'answered', 20, 'agent'),
];

let store: Awaited<ReturnType<typeof tempStore>>;
let app: ReturnType<typeof appFor>;
beforeAll(async () => {
  store = await tempStore();
  const r = await ingestText(store, 'zero.csv', csv(ROWS));
  if (r.inserted !== ROWS.length) throw new Error(`ingest: ${JSON.stringify(r)}`);
  app = appFor(store);
});
afterAll(() => store?.cleanup());

/** The text of the report's first <p class="...">, for the given week and language. */
async function paragraph(week: string, lang: 'en' | 'zh', cls: string): Promise<string | undefined> {
  const res = await app.request(`/api/reports/weekly?week=${week}&format=html&lang=${lang}`);
  expect(res.status).toBe(200);
  return new RegExp(`<p class="${cls}">([^<]*)</p>`).exec(await res.text())?.[1];
}

const HEADLINES: [week: string, en: string, zh: string][] = [
  [
    // Answered calls, none with a known party; the previous week (W35) has no calls.
    '2026-W36',
    'No answered call this week says who hung up (4 answered, hang-up party unknown): no hang-up rate to report; the headline is the share of calls shorter than 10 s (short-call rate). This week: 50.0% (2/4); the previous week has no answered calls to compare with.',
    '本周接通 4 通，没有一通记录挂断方（挂断方未知），无法计算挂断率：核心指标改为通话不足 10 秒的占比（短通话占比）。 本周短通话占比 50.0% (2/4)；上周没有接通的通话，无法比较。',
  ],
  [
    // The hang-up rate this week; the previous week answered 4 calls but none says who hung up.
    '2026-W37',
    'The hang-up rate this week was 40.0% (2 of 5 answered with a known hang-up party); no answered call the previous week says who hung up (4 answered, hang-up party unknown), so there is no hang-up rate to compare with.',
    '本周挂断率 40.0%（2/5）；上周接通 4 通，没有一通记录挂断方，没有挂断率可比较。',
  ],
  [
    // No known party this week; the short-call rate is compared with W37's 3/5. Newcombe interval
    // of 2/5 − 3/5 from the Wilson bounds (0.1176, 0.7693) and (0.2307, 0.8824): −0.5993 to 0.3222;
    // pooled z = −0.2 / √(0.25 · 0.4) = −0.632, two-sided p = 0.527.
    '2026-W38',
    'No answered call this week says who hung up (5 answered, hang-up party unknown): no hang-up rate to report; the headline is the share of calls shorter than 10 s (short-call rate). This week: 40.0% (2/5) against 60.0% the week before, -20.0 pt (95% CI -59.9 – 32.2 pt, p\u00a0=\u00a00.527).',
    '本周接通 5 通，没有一通记录挂断方（挂断方未知），无法计算挂断率：核心指标改为通话不足 10 秒的占比（短通话占比）。 本周短通话占比 40.0% (2/5)，上周 60.0%，变化 -20.0 个百分点（95% 置信区间 -59.9 – 32.2 个百分点，p\u00a0=\u00a00.527）。',
  ],
  [
    // Dials but no answered call.
    '2026-W39',
    'No answered calls this week (4 dials): no hang-up rate or short-call rate to report.',
    '本周没有接通的通话（外呼 4 通），无法计算挂断率和短通话占比。',
  ],
  [
    // The hang-up rate this week; the previous week (W39) answered nothing.
    '2026-W40',
    'The hang-up rate this week was 50.0% (1 of 2 answered with a known hang-up party); the previous week has no answered calls to compare with.',
    '本周挂断率 50.0%（1/2）；上周没有接通的通话，无法比较。',
  ],
  [
    '2026-W41',
    'No answered calls this week (0 dials): no hang-up rate or short-call rate to report.',
    '本周没有接通的通话（外呼 0 通），无法计算挂断率和短通话占比。',
  ],
];

describe('weekly report headline with an empty denominator', () => {
  it.each(HEADLINES)('%s', async (week, en, zh) => {
    expect(await paragraph(week, 'en', 'headline')).toBe(en);
    expect(await paragraph(week, 'zh', 'headline')).toBe(zh);
  });
});

describe('weekly report decomposition without known-party calls in a week', () => {
  it.each([
    [
      // The short-call rate is the headline (no known party): W35 has no answered call to compare with.
      '2026-W36',
      'The decomposition of the short-call rate needs answered calls in both weeks: this week has 4, the previous week 0.',
      '需要本周和上周都有接通通话才能分解短通话占比的变化：本周接通 4 通，上周接通 0 通。',
    ],
    [
      '2026-W37',
      'The decomposition needs answered calls with a known hang-up party in both weeks: this week has 5 of 5 answered, the previous week 0 of 4.',
      '需要本周和上周都有记录挂断方的接通通话才能分解变化：本周接通 5 通，其中 5 通记录了挂断方；上周接通 4 通，其中 0 通记录了挂断方。',
    ],
  ])('%s', async (week, en, zh) => {
    expect(await paragraph(week, 'en', 'unavailable')).toBe(en);
    expect(await paragraph(week, 'zh', 'unavailable')).toBe(zh);
  });

  // W38 has no known party, so its headline (and decomposition) is the short-call rate, which
  // both weeks have: 2/5 against W37's 3/5, one segment, so the whole −20 points are within it.
  it('2026-W38: the short-call rate is decomposed instead', async () => {
    expect(await paragraph('2026-W38', 'en', 'unavailable')).toBeUndefined();
    const en = await (await app.request('/api/reports/weekly?week=2026-W38&format=html&lang=en')).text();
    expect(en).toContain('<h2>What drove the change in the short-call rate: mix vs rate</h2>');
    expect(en).toContain(
      '<p>By segment: mix 0.0 pt, rate -20.0 pt; the largest contributor is retail (-20.0 pt, of which -20.0 pt within it).</p>',
    );
  });
});
