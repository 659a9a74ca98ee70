import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { abDaily, abStrata, type ArmCellCounts, type StratumCounts } from './ab-counts.ts';
import { summary, type Settings } from '../metrics.ts';
import type { Headline } from '../semantic/measures.ts';
import { metricCounts } from './recommendations.ts';
import {
  alwaysValidDifference,
  benjaminiHochbergAdjust,
  breslowDay,
  chiSquareIndependence,
  cochranMantelHaenszel,
  compareArmToControl,
  generalizedCmh,
  holmAdjust,
  mantelHaenszelOddsRatio,
  newcombeInterval,
  probabilityBest,
  sampleRatioMismatch,
  sampleSizeTwoProportions,
  SEQUENTIAL_METHOD,
  standardiseRates,
  table2x2,
  twoProportionZTest,
  wilsonInterval,
  type ArmCounts,
} from '../stats/index.ts';

export const ADJUST_KEYS = ['hour', 'segment', 'number_tag'] as const;
export type AdjustKey = (typeof ADJUST_KEYS)[number];

export interface AbQuery {
  filters: Filters;
  control?: string;
  adjust: AdjustKey[];
  correction?: 'holm' | 'bh';
  sequential?: boolean;
  /** The rate compared: `hangup` (early hang-ups / known party) or `short` (short calls / answered); default the view's headline. */
  metric?: Headline;
}

type StratumRow = StratumCounts;
/** Every count of an arm; the compared rate's events and denominator come from metricCounts. */
type ArmTotals = ArmCellCounts & { dials: number };

const FIELD: Record<AdjustKey, keyof StratumRow> = { hour: 'hour', segment: 'segment', number_tag: 'numberTag' };
const nanToNull = (x: number) => (Number.isFinite(x) ? x : null);
// Quadrature can overshoot a probability by ~1e-15; a probability shown as 1.0000000000000024 is wrong.
const prob = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : null);

/**
 * A/B/n comparison of opening lines on one rate (README, Metrics): the hang-up rate (early hang-ups
 * among answered calls whose hang-up party is known) or the short-call rate (calls shorter than
 * T s among answered calls), by default the view's headline as /api/summary picks it. Every
 * statistic below reads the chosen rate's events and denominator: crude rates with
 * Wilson intervals, Newcombe differences and pooled z-tests against the control (Holm or BH across
 * arms), overall chi-square, SRM against an equal split, exact Bayesian comparisons, and, when
 * `adjust` names strata, the Mantel–Haenszel odds ratio with CMH and Breslow–Day tests and
 * directly standardised rates, with a Simpson warning where adjusted and crude directions differ.
 * Each arm carries one `verdict` (better / worse / no_evidence / too_few) from the adjusted
 * analysis when there is one, else the crude one, with `verdictFrom` naming it and its numbers.
 */
export async function abAnalysis(db: Database, q: AbQuery, settings: Settings) {
  const metric = q.metric ?? (await summary(db, q.filters, settings)).headline;
  const rows: StratumRow[] = await abStrata(db, q.filters, settings); // generated through the query store (DuckDB or ClickHouse)
  const scripts = [...new Set(rows.map((r) => r.script))].sort();
  if (scripts.length === 0)
    return { metric, arms: [], control: null, message: 'no calls with a script match these filters' };
  const control = q.control && scripts.includes(q.control) ? q.control : scripts[0]!;
  const ordered = [control, ...scripts.filter((s) => s !== control)];
  const totals = new Map<string, ArmTotals>(
    ordered.map((s) => [s, { dials: 0, answered: 0, knownParty: 0, earlyHangups: 0, shortCalls: 0 }]),
  );
  for (const r of rows) {
    const c = totals.get(r.script)!;
    c.dials += r.dials;
    c.answered += r.answered;
    c.knownParty += r.knownParty;
    c.earlyHangups += r.earlyHangups;
    c.shortCalls += r.shortCalls;
  }
  const armTotals = ordered.map((s) => totals.get(s)!);
  const counts = armTotals.map((t) => ({ ...metricCounts(t, metric), dials: t.dials }));
  const ctl = counts[0]!;
  const tests = counts.slice(1).map((a) => twoProportionZTest(a, ctl));
  const adjust = (q.correction === 'bh' ? benjaminiHochbergAdjust : holmAdjust)(tests.map((t) => t.pValue));
  const strata = q.adjust.length ? stratify(rows, ordered, q.adjust, metric) : null;
  const standardised = strata ? standardiseRates(strata.cells) : null;
  // The decision numbers (chance to beat the control, expected loss, chance to be best, calls
  // needed) follow the analysis the page is set to: on the adjusted comparison each arm's
  // counts are its directly standardised rate over its own denominator, so the Bayesian
  // figures cannot contradict the adjusted verdict the way crude ones did.
  const decisionFrom: Analysis =
    standardised && standardised.arms.every((a) => Number.isFinite(a.rate)) ? 'adjusted' : 'crude';
  const decisionCounts =
    decisionFrom === 'adjusted'
      ? counts.map((c, i) => ({ events: standardised!.arms[i]!.rate * c.n, n: c.n }))
      : counts;
  const dCtl = decisionCounts[0]!;
  const best = probabilityBest(decisionCounts);
  const armTables = strata
    ? counts.map((_, i) => strata.cells[i]!.map((a, s) => table2x2(a, strata.cells[0]![s]!)))
    : null;
  const cmhP = armTables ? armTables.slice(1).map((tables) => cochranMantelHaenszel(tables).pValue) : [];
  const cmhAdjusted = strata
    ? (q.correction === 'bh' ? benjaminiHochbergAdjust : holmAdjust)(cmhP.map((p) => (Number.isFinite(p) ? p : 1)))
    : [];
  const daily = q.sequential ? await sequentialLooks(db, q.filters, settings, control, ordered, metric) : null;

  const arms = ordered.map((script, i) => {
    const c = counts[i]!;
    const t = armTotals[i]!;
    const ci = wilsonInterval(c.events, c.n);
    const hang = wilsonInterval(t.earlyHangups, t.knownParty);
    const short = wilsonInterval(t.shortCalls, t.answered);
    const base = {
      script,
      isControl: i === 0,
      ...t,
      // Both rates for reading; `events` / `n` / `rate` / `ciLow` / `ciHigh` are the compared one.
      hangupRate: nanToNull(hang.estimate),
      hangupRateCiLow: nanToNull(hang.lower),
      hangupRateCiHigh: nanToNull(hang.upper),
      shortCallRate: nanToNull(short.estimate),
      shortCallRateCiLow: nanToNull(short.lower),
      shortCallRateCiHigh: nanToNull(short.upper),
      events: c.events,
      n: c.n,
      rate: nanToNull(ci.estimate),
      ciLow: nanToNull(ci.lower),
      ciHigh: nanToNull(ci.upper),
      probBest: prob(best[i]!),
    };
    if (i === 0) return { ...base, standardisedRate: standardised ? nanToNull(standardised.arms[0]!.rate) : undefined };
    const diff = newcombeInterval(c.events, c.n, ctl.events, ctl.n);
    const d = decisionCounts[i]!;
    const bayes = compareArmToControl(d, dCtl);
    const need = sampleSizeTwoProportions(dCtl.events / dCtl.n, d.events / d.n);
    const out: Record<string, unknown> = {
      ...base,
      diff: nanToNull(diff.difference),
      diffCiLow: nanToNull(diff.lower),
      diffCiHigh: nanToNull(diff.upper),
      pValue: nanToNull(tests[i - 1]!.pValue),
      pValueAdjusted: nanToNull(adjust[i - 1]!),
      chanceToBeatControl: prob(bayes.probabilityArmBetter),
      expectedLoss: nanToNull(bayes.expectedLossArm),
      requiredPerArm: nanToNull(need.n1),
    };
    const crudeVerdict = verdictOf('crude', c.n, ctl.n, diff.difference, diff.lower, diff.upper, adjust[i - 1]!);
    if (strata && standardised) {
      const tables = armTables![i]!;
      const or = mantelHaenszelOddsRatio(tables);
      const cmh = cochranMantelHaenszel(tables);
      const bd = breslowDay(tables);
      const crudeDir = Math.sign(diff.difference);
      const adjDir = Math.sign(Math.log(or.oddsRatio));
      Object.assign(out, {
        oddsRatio: nanToNull(or.oddsRatio),
        orCiLow: nanToNull(or.lower),
        orCiHigh: nanToNull(or.upper),
        cmhChiSquare: nanToNull(cmh.statistic),
        cmhPValue: nanToNull(cmh.pValue),
        breslowDay: { chiSquare: nanToNull(bd.statistic), df: bd.df, pValue: nanToNull(bd.pValue) },
        strataUsed: or.strataUsed,
        strataSkipped: or.strataSkipped,
        standardisedRate: nanToNull(standardised.arms[i]!.rate),
        standardisedCoverage: standardised.arms[i]!.coverage,
        // Opposite signs, and the adjusted effect is itself credible (its interval excludes 1).
        simpsonWarning: crudeDir !== 0 && adjDir !== 0 && crudeDir !== adjDir && (or.lower > 1 || or.upper < 1),
        cmhPValueAdjusted: nanToNull(cmhAdjusted[i - 1]!),
      });
      const adjusted = verdictOf(
        'adjusted',
        c.n,
        ctl.n,
        or.oddsRatio,
        or.lower,
        or.upper,
        cmhAdjusted[i - 1]!,
        or.strataUsed,
      );
      Object.assign(out, { verdict: adjusted.verdict, verdictFrom: adjusted, crudeVerdict: crudeVerdict.verdict });
    } else {
      Object.assign(out, {
        verdict: crudeVerdict.verdict,
        verdictFrom: crudeVerdict,
        crudeVerdict: crudeVerdict.verdict,
      });
    }
    if (daily) Object.assign(out, { sequential: daily.get(script) ?? null });
    return out;
  });
  const chi = chiSquareIndependence(counts);
  const srm = sampleRatioMismatch(
    counts.map((c) => c.dials),
    counts.map(() => 1),
  );
  return {
    metric,
    outcome:
      metric === 'hangup'
        ? `early hang-up (callee hung up within ${settings.earlySeconds} s) among answered calls whose hang-up party is known`
        : `short call (talk under ${settings.earlySeconds} s, whoever hung up) among answered calls`,
    control,
    correction: q.correction ?? 'holm',
    adjust: q.adjust,
    decisionFrom,
    minAnswered: MIN_ANSWERED,
    arms,
    chiSquare: { statistic: nanToNull(chi.statistic), df: chi.df, pValue: nanToNull(chi.pValue) },
    srm: {
      chiSquare: nanToNull(srm.statistic),
      df: srm.df,
      pValue: nanToNull(srm.pValue),
      mismatch: srm.mismatch,
      intendedSplit: 'equal',
    },
    ...(strata ? { generalizedCmh: gcmh(strata.cells), strata: strata.keys.length } : {}),
    ...(daily ? { sequentialMethod: SEQUENTIAL_METHOD } : {}),
  };
}

import type { Analysis, Verdict } from '../contract/insights.ts';
export type { Analysis, Verdict };
/** Below this many answered calls in the arm or the control, no verdict (the UI greys such rates too). */
export const MIN_ANSWERED = 30;

/**
 * One verdict per arm against the control (lower hang-up rate = better), from one analysis:
 * `adjusted` reads the Mantel–Haenszel odds ratio (its 95% interval) and the multiplicity-
 * adjusted CMH p; `crude` reads the Newcombe difference and the adjusted z-test p. Better or
 * worse needs the adjusted p below 0.05; the estimate and its interval are the number shown.
 */
export function verdictOf(
  analysis: Analysis,
  answered: number,
  controlAnswered: number,
  estimate: number,
  low: number,
  high: number,
  pValueAdjusted: number,
  strataUsed?: number,
): {
  verdict: Verdict;
  analysis: Analysis;
  measure: 'odds_ratio' | 'difference';
  estimate: number | null;
  low: number | null;
  high: number | null;
  pValueAdjusted: number | null;
} {
  const measure = analysis === 'adjusted' ? 'odds_ratio' : 'difference';
  const none = analysis === 'adjusted' ? 1 : 0;
  const out = {
    analysis,
    measure,
    estimate: nanToNull(estimate),
    low: nanToNull(low),
    high: nanToNull(high),
    pValueAdjusted: nanToNull(pValueAdjusted),
  } as const;
  if (answered < MIN_ANSWERED || controlAnswered < MIN_ANSWERED || strataUsed === 0 || !Number.isFinite(estimate))
    return { verdict: 'too_few', ...out };
  if (!(pValueAdjusted < 0.05)) return { verdict: 'no_evidence', ...out };
  return { verdict: estimate > none ? 'worse' : estimate < none ? 'better' : 'no_evidence', ...out };
}

function gcmh(cells: ArmCounts[][]) {
  const byStratum = cells[0]!.map((_, s) => cells.map((arm) => arm[s]!));
  const g = generalizedCmh(byStratum);
  return { chiSquare: nanToNull(g.statistic), df: g.df, pValue: nanToNull(g.pValue) };
}

/** cells[arm][stratum] counts over the strata formed by the chosen columns. */
function stratify(rows: StratumRow[], arms: string[], keys: AdjustKey[], metric: Headline) {
  const index = new Map<string, number>();
  const cells: ArmCounts[][] = arms.map(() => []);
  for (const r of rows) {
    const k = keys.map((key) => String(r[FIELD[key]])).join('|');
    let s = index.get(k);
    if (s === undefined) {
      index.set(k, (s = index.size));
      for (const arm of cells) arm.push({ events: 0, n: 0 });
    }
    const c = cells[arms.indexOf(r.script)]![s]!;
    const m = metricCounts(r, metric);
    c.events += m.events;
    c.n += m.n;
  }
  return { cells, keys: [...index.keys()] };
}

/** Cumulative daily looks per arm against the control, through the mSPRT. */
async function sequentialLooks(
  db: Database,
  filters: Filters,
  settings: Settings,
  control: string,
  arms: string[],
  metric: Headline,
) {
  const rows = await abDaily(db, filters, settings);
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  const cum = new Map(arms.map((a) => [a, { events: 0, n: 0 }]));
  const looks = new Map<string, { arm: ArmCounts; control: ArmCounts }[]>(arms.map((a) => [a, []]));
  for (const d of dates) {
    for (const r of rows.filter((x) => x.date === d)) {
      const c = cum.get(r.script)!;
      const m = metricCounts(r, metric);
      c.events += m.events;
      c.n += m.n;
    }
    for (const a of arms.slice(1)) looks.get(a)!.push({ arm: { ...cum.get(a)! }, control: { ...cum.get(control)! } });
  }
  const out = new Map<string, unknown>();
  for (const a of arms.slice(1)) {
    const r = alwaysValidDifference(looks.get(a)!);
    out.set(a, {
      method: r.method,
      tau2: r.tau2,
      alpha: r.alpha,
      looks: r.points.length,
      pValue: nanToNull(r.latest.pValue),
      lower: nanToNull(r.latest.lower),
      upper: nanToNull(r.latest.upper),
      significant: r.latest.significant,
    });
  }
  return out;
}
