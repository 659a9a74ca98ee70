import '../../web/src/lib/messages/analysis.ts';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, type SurvivalObservation } from '../../server/stats/index.ts';
import type { SurvivalGroup, SurvivalPoint } from '../../web/src/lib/api-types.ts';
import { buildKmPlot, kmSteps, viridisCategories, type KmStep } from '../../web/src/lib/charts/survival.ts';
import { translate, type Lang } from '../../web/src/lib/i18n.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { kmWords, survivalAtWithSe, survivalDifference, survivalSentence } from '../../web/src/lib/km-compare.ts';

const obs = (spec: [time: number, event: boolean, count: number][]): SurvivalObservation[] =>
  spec.flatMap(([time, event, count]) => Array.from({ length: count }, () => ({ time, event })));
/** The API's points for a set of observations (server/analysis/survival.ts maps them the same way). */
const points = (o: SurvivalObservation[]): SurvivalPoint[] =>
  kaplanMeier(o).points.map((p) => ({
    t: p.t,
    survival: p.survival,
    standardError: p.standardError,
    ciLow: p.ciLow,
    ciHigh: p.ciHigh,
    atRisk: p.atRisk,
  }));

// Control: 10 calls; 2 hang-ups at 2 s, 1 censored at 4 s, 1 hang-up at 5 s, 6 still talking at 20 s.
//   S(10) = (8/10)(6/7) = 0.685714; Greenwood: 2/(10·8) + 1/(7·6) = 0.0488095; se = S·sqrt(...) = 0.151494.
// Arm: 10 calls; 1 hang-up at 3 s, 9 still talking at 20 s.
//   S(10) = 0.9; Greenwood 1/(10·9); se = 0.9·sqrt(1/90) = 0.0948683.
// Difference 0.214286, se sqrt(0.151494² + 0.0948683²) = 0.178747, 95% CI 0.214286 ± 1.959964·0.178747.
const control = points(
  obs([
    [2, true, 2],
    [4, false, 1],
    [5, true, 1],
    [20, false, 6],
  ]),
);
const arm = points(
  obs([
    [3, true, 1],
    [20, false, 9],
  ]),
);

describe('Kaplan–Meier difference at t (hand-computed)', () => {
  it('reads S(t) and Greenwood SE off the step function', () => {
    expect(survivalAtWithSe(control, 10)).toMatchObject({ fromBand: false });
    expect(survivalAtWithSe(control, 10).survival).toBeCloseTo(0.685714, 6);
    expect(survivalAtWithSe(control, 10).se).toBeCloseTo(0.151494, 6);
    expect(survivalAtWithSe(control, 4.99).survival).toBeCloseTo(0.8, 10); // before the 5 s step
    expect(survivalAtWithSe(control, 5).survival).toBeCloseTo(0.685714, 6); // right-continuous: the step at 5 counts
    expect(survivalAtWithSe(control, 1)).toEqual({ survival: 1, se: 0, fromBand: false }); // before any event
  });

  it('differs two independent curves with a normal interval on sqrt(se1² + se2²)', () => {
    const d = survivalDifference(arm, control, 10);
    expect(d.diff).toBeCloseTo(0.214286, 6);
    expect(d.se).toBeCloseTo(0.178747, 6);
    expect(d.low).toBeCloseTo(-0.136052, 6);
    expect(d.high).toBeCloseTo(0.564623, 6);
    expect(d.approximate).toBe(false);
  });

  it('falls back to the band width over 2·1.96 when the API gives no standard error', () => {
    const a: SurvivalPoint[] = [{ t: 8, survival: 0.75, ciLow: 0.75 - 0.0294, ciHigh: 0.75 + 0.0294, atRisk: 400 }];
    const c: SurvivalPoint[] = [{ t: 8, survival: 0.7, ciLow: 0.7 - 0.0392, ciHigh: 0.7 + 0.0392, atRisk: 400 }];
    // se 0.015 and 0.02 (to 4 digits: 0.0294 / 3.92, 0.0392 / 3.92), joint 0.025: 0.05 ± 0.049
    const d = survivalDifference(a, c, 10);
    expect(d.approximate).toBe(true);
    expect(d.diff).toBeCloseTo(0.05, 10);
    expect(d.se).toBeCloseTo(0.025, 4);
    expect(d.low).toBeCloseTo(0.001, 3);
    expect(d.high).toBeCloseTo(0.099, 3);
  });

  it('tells the difference in points, in the direction of the estimate, in both languages', () => {
    /** The sentence comparing `a` (named `names[0]`) with `b` (named `names[1]`) at 10 s. */
    const sentence = (lang: 'en' | 'zh-CN', a: SurvivalPoint[], b: SurvivalPoint[], names: [string, string]) => {
      const s = survivalSentence(
        survivalDifference(a, b, 10),
        { arm: names[0], control: names[1] },
        10,
        createFormat(lang).points,
      );
      return translate(lang, s.key, s.vars);
    };
    expect(sentence('en', arm, control, ['Line B', 'Line A'])).toBe(
      'Line B keeps 21.4 points more callees past 10 s than Line A (95% CI -13.6 to 56.5; crude, not adjusted).',
    );
    expect(sentence('en', control, arm, ['Line A', 'Line B'])).toBe(
      'Line A keeps 21.4 points fewer callees past 10 s than Line B (95% CI -13.6 to 56.5; crude, not adjusted).',
    );
    expect(sentence('zh-CN', arm, control, ['话术 B', '话术 A'])).toBe(
      '话术 B 接通 10 秒后被叫尚未挂断的比例比 话术 A 高 21.4 个百分点（95% 区间 -13.6 至 56.5；未校正）。',
    );
  });
});

describe('kmSteps / buildKmPlot', () => {
  const group = (key: string, pts: SurvivalPoint[]): SurvivalGroup => ({
    key,
    n: 10,
    events: 3,
    median: null,
    at: { s3: null, s5: null, s10: null, s30: null },
    points: pts,
  });
  const withLate = [...control, { t: 75, survival: 0.3, standardError: 0.1, ciLow: 0.1, ciHigh: 0.5, atRisk: 3 }];
  const steps = kmSteps([group('A', withLate), group('B', arm)], 60, (k) => `Line ${k}`);

  it('starts every curve at (0, 100%), cuts it at maxT and carries the last value to maxT', () => {
    const a = steps.filter((s) => s.key === 'A');
    expect(a.map((s) => s.t)).toEqual([0, 2, 5, 60]);
    expect(a[0]).toMatchObject({ survival: 1, low: 1, high: 1, label: 'Line A' });
    expect(a[3]!.survival).toBeCloseTo(0.685714, 6);
    expect(steps.filter((s) => s.key === 'B').map((s) => s.t)).toEqual([0, 3, 60]);
  });

  it('draws step-after bands and lines with a viridis colour per group and a mark at t', () => {
    const o = buildKmPlot(steps, {
      width: 800,
      maxT: 60,
      mark: 10,
      labels: ['Line A', 'Line B'],
      pct: (r) => `${Math.round(r * 100)}%`,
      text: { x: 's', y: 'S', survival: 'S', interval: 'CI', atRisk: 'n' },
    });
    const marks = o.marks as unknown as { ariaLabel: string; curve?: unknown }[];
    expect(marks.map((m) => m.ariaLabel)).toEqual(['area', 'line', 'rule', 'tip']);
    expect((o.color as { range: string[] }).range).toEqual(viridisCategories(2));
    expect((o.x as { domain: number[] }).domain).toEqual([0, 60]);
    // The lowest band in view is control's at 5 s; the axis starts at the tenth below it.
    const lowest = Math.min(...steps.map((s) => s.low));
    expect((o.y as { domain: number[] }).domain).toEqual([Math.floor((lowest - 0.02) * 10) / 10, 1]);
  });

  it('keeps the legend short ("Line A") and puts a stored wording in the tooltip, under the label', () => {
    const wording = '您好，我是XX银行的客户经理，耽误您一分钟，给您介绍一款低息贷款。';
    const texts: Record<string, string> = { A: wording };
    const worded = kmSteps(
      [group('A', withLate), group('B', arm)],
      60,
      (k) => `Line ${k}`,
      (k) => texts[k] ?? null,
    );
    const o = buildKmPlot(worded, {
      width: 800,
      maxT: 60,
      labels: ['Line A', 'Line B'],
      pct: (r) => `${Math.round(r * 100)}%`,
      text: { x: 's', y: 'S', survival: 'S', interval: 'CI', atRisk: 'n' },
    });
    expect((o.color as { domain: string[] }).domain).toEqual(['Line A', 'Line B']);
    const tip = (
      o.marks as unknown as { ariaLabel: string; channels: { title: { value: (s: KmStep) => string } } }[]
    ).find((m) => m.ariaLabel === 'tip')!.channels.title.value;
    const a = worded.find((s) => s.key === 'A' && s.t === 2)!;
    expect(tip(a).split('\n').slice(0, 3)).toEqual(['Line A · 2 s', wording, 'S: 80%']);
    // No wording stored for B: the tooltip goes straight from the label to the numbers.
    const b = worded.find((s) => s.key === 'B' && s.t === 3)!;
    expect(tip(b).split('\n').slice(0, 2)).toEqual(['Line B · 3 s', 'S: 90%']);
    // Without wordings (no scripts file), the steps carry none.
    expect(steps.every((s) => s.note === undefined)).toBe(true);
  });

  it('viridisCategories stays off the light yellow end', () => {
    expect(viridisCategories(4)).toHaveLength(4);
    expect(viridisCategories(4)[0]).toBe('#440154');
    expect(viridisCategories(4).at(-1)).not.toBe('#fde725');
  });
});

// The curve shown is the headline's (or the rate /scripts compares): its note, axis, tooltip and
// sentences say which event it counts, in both languages.
describe('the survival curve says what it measures, per headline', () => {
  it('hang-up rate: the callee hanging up, over the calls that say who hung up', () => {
    const w = kmWords('hangup');
    expect(kmWords(undefined)).toEqual(w); // an older server's curves were the hang-up ones
    expect(translate('en', w.note, { t: 10 })).toBe(
      'Kaplan–Meier, per opening line: of the answered calls that say who hung up, the share the callee has not hung up on yet (a call the agent ended counts until it ended); band: 95% interval. Dashed line: 10 s.',
    );
    expect(translate('en', w.y)).toBe('Callee has not hung up');
    expect(translate('zh-CN', w.note, { t: 10 })).toContain('在记录了挂断方的接通电话中');
    expect(translate('zh-CN', w.y)).toBe('被叫尚未挂断');
  });

  it('short-call rate: the call ending for any reason, over every answered call', () => {
    const w = kmWords('short');
    expect(translate('en', w.note, { t: 10 })).toBe(
      'Kaplan–Meier, per opening line: of all answered calls, the share still talking, whoever hangs up (the curve behind the short-call rate); band: 95% interval. Dashed line: 10 s.',
    );
    expect(translate('en', w.y)).toBe('Still talking');
    expect(translate('zh-CN', w.note, { t: 10 })).toContain('在全部接通电话中');
    expect(translate('zh-CN', w.y)).toBe('仍在通话');
    for (const lang of ['en', 'zh-CN'] as const) {
      expect(translate(lang, w.note, { t: 10 })).not.toBe(translate(lang, kmWords('hangup').note, { t: 10 }));
    }
  });

  it('the comparison sentences name the same event as the curve', () => {
    const pts = (s: number) => [
      { t: 5, survival: s, standardError: 0.01, ciLow: s - 0.02, ciHigh: s + 0.02, atRisk: 500 },
    ];
    // 0.8 - 0.7 = 10 points; se = sqrt(0.01² + 0.01²) = 0.014142; ± 1.959964 · 0.014142 = ± 2.77 points.
    const d = survivalDifference(pts(0.8), pts(0.7), 10);
    const say = (lang: Lang, metric: 'hangup' | 'short', diff = d) => {
      const s = survivalSentence(diff, { arm: 'B', control: 'A' }, 10, createFormat(lang).points, metric);
      return translate(lang, s.key, s.vars);
    };
    expect(say('en', 'hangup')).toBe(
      'B keeps 10.0 points more callees past 10 s than A (95% CI 7.2 to 12.8; crude, not adjusted).',
    );
    expect(say('en', 'short')).toBe(
      'B has 10.0 points more calls still talking past 10 s than A (95% CI 7.2 to 12.8; crude, not adjusted).',
    );
    expect(say('en', 'short', survivalDifference(pts(0.7), pts(0.8), 10))).toBe(
      'B has 10.0 points fewer calls still talking past 10 s than A (95% CI 7.2 to 12.8; crude, not adjusted).',
    );
    expect(say('zh-CN', 'hangup')).toBe(
      'B 接通 10 秒后被叫尚未挂断的比例比 A 高 10.0 个百分点（95% 区间 7.2 至 12.8；未校正）。',
    );
    expect(say('zh-CN', 'short')).toBe(
      'B 接通 10 秒后仍在通话的比例比 A 高 10.0 个百分点（95% 区间 7.2 至 12.8；未校正）。',
    );
  });

  it('a line whose curve reached 0 gets both shares and no interval, never "CI – to –"', () => {
    // The server sends standardError and the band as null at S = 0 (Greenwood is undefined there).
    const ended = [{ t: 3, survival: 0, standardError: null, ciLow: null, ciHigh: null, atRisk: 2 }];
    const stays = [{ t: 20, survival: 0.9, standardError: 0.03, ciLow: 0.83, ciHigh: 0.95, atRisk: 100 }];
    const d = survivalDifference(stays as SurvivalPoint[], ended as SurvivalPoint[], 10);
    expect(d.diff).toBeCloseTo(1, 12); // 1 − 0: nothing of `stays` has ended by 10 s
    expect(d.approximate).toBe(false); // nothing was approximated: there is no interval
    const say = (lang: Lang) => {
      const s = survivalSentence(d, { arm: 'B', control: 'A' }, 10, createFormat(lang).points);
      return translate(lang, s.key, s.vars);
    };
    expect(say('en')).toBe(
      'Past 10 s: B 100.0%, A 0.0%. No interval: one of the two lines has no calls left on its curve by then.',
    );
    expect(say('zh-CN')).toBe('接通 10 秒后：B 100.0%，A 0.0%。无法给出区间：其中一条开场白此时已没有剩余通话。');
  });
});
