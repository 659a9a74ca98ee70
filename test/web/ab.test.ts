import '../../web/src/lib/messages/analysis.ts';
import { describe, expect, it } from 'vitest';
import { forestRows, joinWords, parseAdjust, pooledRate, sampleStatus, simpsonCases } from '../../web/src/lib/ab.ts';
import type { AbArm, AbResult } from '../../web/src/lib/api-types.ts';
import {
  adjustedRows,
  buildOddsRatioPlot,
  buildRateShiftPlot,
  ratioTicks,
  tickCount,
} from '../../web/src/lib/charts/adjusted.ts';
import { buildForestPlot, forestDomain } from '../../web/src/lib/charts/forest.ts';
import { translate } from '../../web/src/lib/i18n.ts';

// Shaped like /api/ab?control=A&adjust=hour,segment&sequential=1 on the 200k sample (rounded).
// The compared rate (`events` / `n`, `rate`) is the hang-up rate here, its denominator the known party.
const arm = (a: Partial<AbArm> & { script: string }): AbArm => {
  const r = {
    isControl: false,
    dials: 1000,
    answered: 500,
    earlyHangups: 150,
    shortCalls: 200,
    hangupRate: 0.3,
    hangupRateCiLow: 0.26,
    hangupRateCiHigh: 0.34,
    shortCallRate: 0.4,
    shortCallRateCiLow: 0.36,
    shortCallRateCiHigh: 0.44,
    ciLow: 0.26,
    ciHigh: 0.34,
    probBest: 0,
    ...a,
  };
  return {
    knownParty: r.answered,
    ...r,
    events: r.earlyHangups,
    n: a.knownParty ?? r.answered,
    rate: r.hangupRate,
  } as AbArm;
};
const A = arm({
  script: 'A',
  isControl: true,
  answered: 24808,
  earlyHangups: 8014,
  hangupRate: 0.323,
  standardisedRate: 0.338,
});
const B = arm({
  script: 'B',
  answered: 24936,
  earlyHangups: 6513,
  hangupRate: 0.261,
  diff: -0.0619,
  diffCiLow: -0.0698,
  diffCiHigh: -0.0539,
  pValueAdjusted: 1.7e-51,
  requiredPerArm: 848,
  oddsRatio: 0.736,
  orCiLow: 0.708,
  orCiHigh: 0.765,
  standardisedRate: 0.275,
  simpsonWarning: false,
  sequential: {
    method: 'mSPRT',
    tau2: 0.001,
    alpha: 0.05,
    looks: 56,
    pValue: 3e-49,
    lower: -0.0739,
    upper: -0.0489,
    significant: true,
  },
});
const C = arm({
  script: 'C',
  answered: 18783,
  earlyHangups: 6969,
  hangupRate: 0.371,
  diff: 0.048,
  diffCiLow: 0.039,
  diffCiHigh: 0.057,
  requiredPerArm: 1544,
  oddsRatio: 0.875,
  orCiLow: 0.835,
  orCiHigh: 0.918,
  standardisedRate: 0.309,
  simpsonWarning: true,
  sequential: {
    method: 'mSPRT',
    tau2: 0.001,
    alpha: 0.05,
    looks: 56,
    pValue: 6e-23,
    lower: 0.0362,
    upper: 0.0625,
    significant: true,
  },
});
const D = arm({
  script: 'D',
  answered: 24481,
  earlyHangups: 7825,
  hangupRate: 0.32,
  diff: -0.0034,
  diffCiLow: -0.0116,
  diffCiHigh: 0.0048,
  requiredPerArm: 295214,
  oddsRatio: 0.983,
  orCiLow: 0.946,
  orCiHigh: 1.022,
  standardisedRate: 0.336,
  simpsonWarning: false,
  sequential: null,
});
const result: AbResult = {
  metric: 'hangup',
  control: 'A',
  adjust: ['hour', 'segment'],
  arms: [A, B, C, D],
  strata: 65,
};

describe('A/B helpers', () => {
  it('adjust: default hour+segment, empty = none, unknown names dropped, fixed order', () => {
    expect(parseAdjust(null)).toEqual(['hour', 'segment']);
    expect(parseAdjust('')).toEqual([]);
    expect(parseAdjust('number_tag,hour,phone')).toEqual(['hour', 'number_tag']);
  });

  it('forest rows: every arm but the control, with the sequence when asked for', () => {
    const rows = forestRows(result.arms);
    expect(rows.map((r) => r.script)).toEqual(['B', 'C', 'D']);
    expect(rows[0]).toMatchObject({
      diff: -0.0619,
      low: -0.0698,
      high: -0.0539,
      seqLow: -0.0739,
      seqHigh: -0.0489,
      clear: true,
    });
    expect(rows[2]).toMatchObject({ seqLow: null, seqHigh: null, clear: false }); // D's interval spans 0
  });

  it('Simpson: the arm that looks worse crude and better adjusted, said in plain words', () => {
    const cases = simpsonCases(result);
    expect(cases).toEqual([
      { script: 'C', crude: 'worse', rate: 0.371, controlRate: 0.323, oddsRatio: 0.875, orLow: 0.835, orHigh: 0.918 },
    ]);
    const text = translate('en', 'ab.simpson.worse', {
      arm: 'Line C',
      control: 'Line A',
      rate: '37.1%',
      controlRate: '32.3%',
      strata: joinWords(['hours', 'segments'], ', ', ' and '),
      or: '0.88',
      low: '0.83',
      high: '0.92',
    });
    expect(text).toBe(
      'Line C looks worse than Line A overall (37.1% vs 32.3% early hang-ups) but better within the same hours and segments (adjusted odds ratio 0.88, 95% CI 0.83–0.92): it was dialled more often at hours and segments where every line does worse. Judge it by the adjusted result.',
    );
  });

  it('required sample: both the arm and the control must reach it', () => {
    expect(sampleStatus(B, A)).toEqual({ required: 848, have: 24808, enough: true });
    expect(sampleStatus(D, A)).toEqual({ required: 295214, have: 24481, enough: false });
    expect(sampleStatus(A, A)).toBeNull();
  });

  it('joins words per language and pools the rate', () => {
    expect(joinWords(['hours'], ', ', ' and ')).toBe('hours');
    expect(joinWords(['hours', 'segments', 'number tags'], ', ', ' and ')).toBe('hours, segments and number tags');
    expect(joinWords(['时段', '客群', '号码标签'], '、', '和')).toBe('时段、客群和号码标签');
    expect(
      pooledRate([
        arm({ script: 'x', answered: 100, earlyHangups: 30 }),
        arm({ script: 'y', answered: 300, earlyHangups: 30 }),
      ]),
    ).toBeCloseTo(0.15);
    expect(pooledRate([])).toBeNull();
  });
});

describe('buildForestPlot', () => {
  const rows = forestRows(result.arms).map((r) => ({ ...r, label: `Line ${r.script}` }));
  const o = buildForestPlot(rows, {
    width: 600,
    points: (x) => (x * 100).toFixed(1),
    int: String,
    text: { axis: 'diff', diff: 'd', interval: 'ci', sequence: 'cs', n: 'n' },
  });
  const marks = o.marks as unknown as { ariaLabel: string; data: { script: string }[] }[];

  it('draws the zero line, the sequences behind the Newcombe intervals, then the dots', () => {
    expect(marks.map((m) => m.ariaLabel)).toEqual(['x-grid', 'rule', 'rule', 'rule', 'dot']);
    expect(marks[2]!.data.map((r) => r.script)).toEqual(['B', 'C']); // D has no sequence
    expect(marks[4]!.data.map((r) => r.script)).toEqual(['B', 'C', 'D']);
    expect((o.y as { domain: string[] }).domain).toEqual(['Line B', 'Line C', 'Line D']);
  });

  it('spans every interval and 0, padded', () => {
    const [lo, hi] = forestDomain(rows);
    expect(lo).toBeLessThan(-0.0739);
    expect(hi).toBeGreaterThan(0.0625);
    expect((o.x as { domain: number[] }).domain).toEqual([lo, hi]);
    const onlyPositive = forestDomain([{ ...rows[1]!, seqLow: null, seqHigh: null }]);
    expect(onlyPositive[0]).toBeLessThan(0); // 0 (the control) always in view
  });
});

describe('crude vs adjusted', () => {
  const rows = adjustedRows(result.arms, (s) => `Line ${s}`);

  it('one row per arm; the control at odds ratio 1 by definition', () => {
    expect(rows.map((r) => [r.label, r.crude, r.standardised, r.oddsRatio, r.simpson])).toEqual([
      ['Line A', 0.323, 0.338, 1, false],
      ['Line B', 0.261, 0.275, 0.736, false],
      ['Line C', 0.371, 0.309, 0.875, true],
      ['Line D', 0.32, 0.336, 0.983, false],
    ]);
  });

  it('the rate shift goes from the crude to the standardised rate', () => {
    const o = buildRateShiftPlot(rows, {
      width: 500,
      axis: 'rate',
      pct: String,
      text: { crude: 'crude', standardised: 'std' },
    });
    const marks = o.marks as unknown as { ariaLabel: string; data: unknown[] }[];
    expect(marks.map((m) => m.ariaLabel)).toEqual(['x-grid', 'arrow', 'dot', 'dot']);
    const [lo, hi] = (o.x as { domain: number[] }).domain as [number, number];
    expect(lo).toBeLessThan(0.261);
    expect(hi).toBeGreaterThan(0.371);
  });

  it('odds ratios on a log axis symmetric around 1 with readable ticks', () => {
    const o = buildOddsRatioPlot(rows, {
      width: 500,
      axis: 'or',
      ratio: (x) => x.toFixed(2),
      text: { or: 'or', interval: 'ci' },
    });
    const [lo, hi] = (o.x as { domain: number[] }).domain as [number, number];
    expect(lo * hi).toBeCloseTo(1, 10);
    expect(lo).toBeLessThan(0.708);
    expect((o.x as { ticks: number[] }).ticks).toContain(1);
    expect(ratioTicks([0.85, 1.18])).toEqual([0.9, 1, 1.1]);
    expect(ratioTicks([0.7, 1.43])).toEqual([0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.33]);
    expect(ratioTicks([0.5, 2])).toEqual([0.5, 0.67, 0.8, 1, 1.25, 1.5, 2]);
    expect(ratioTicks([0.1, 10])).toEqual([0.1, 0.2, 0.5, 1, 2, 5, 10]);
  });

  it('fewer ticks on a narrow screen, so labels never overlap', () => {
    expect(tickCount(360)).toBe(3);
    expect(tickCount(1400)).toBe(7);
    const narrow = buildOddsRatioPlot(rows, {
      width: 360,
      axis: 'or',
      ratio: (x) => x.toFixed(2),
      text: { or: 'or', interval: 'ci' },
    });
    expect((narrow.x as { ticks: number[] }).ticks.length).toBeLessThanOrEqual(3);
  });
});
