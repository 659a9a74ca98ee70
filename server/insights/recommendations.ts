import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { filterParams } from '../db/filter-params.ts';
import { sqlText } from '../db/sql-files.ts';
import { breakdown, type Settings } from '../metrics.ts';
import { holmAdjust, newcombeInterval, shrinkRates, twoProportionZTest, wilsonInterval } from '../stats/index.ts';

/** Windows need this many answered calls before they are ranked. */
export const MIN_WINDOW_ANSWERED = 100;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

/**
 * Actionable findings, each with its evidence and a one-sentence explanation in zh and en:
 * best / worst hours per segment, the frequency cap, caller numbers to rest, agents to coach.
 */
export async function recommendations(db: Database, filters: Filters, settings: Settings) {
  const { params, types } = filterParams(filters, settings.earlySeconds);
  const [hours, freq, numbers, agents] = await Promise.all([
    db.query<{ segment: string; hour: number; answered: number; earlyHangups: number }>(sqlText('rec_segment_hours'), params, types),
    breakdown(db, 'nth_call_30d', filters, settings),
    db.query<any>(sqlText('rec_number_recent'), params, types),
    breakdown(db, 'agent', filters, settings),
  ]);
  return {
    windows: callWindows(hours),
    frequencyCap: frequencyCap(freq as any[]),
    numbersToRest: numbersToRest(numbers),
    agentsToCoach: agentsToCoach(agents as any[]),
  };
}

/** Hours whose rate differs from the rest of the segment (Holm-adjusted z-test, p < 0.05). */
export function callWindows(rows: { segment: string; hour: number; answered: number; earlyHangups: number }[]) {
  const out: any[] = [];
  for (const segment of [...new Set(rows.map((r) => r.segment))]) {
    const seg = rows.filter((r) => r.segment === segment);
    const total = seg.reduce((s, r) => ({ events: s.events + r.earlyHangups, n: s.n + r.answered }), { events: 0, n: 0 });
    const eligible = seg.filter((r) => r.answered >= MIN_WINDOW_ANSWERED);
    const tests = eligible.map((r) => twoProportionZTest({ events: r.earlyHangups, n: r.answered }, { events: total.events - r.earlyHangups, n: total.n - r.answered }));
    const adj = holmAdjust(tests.map((t) => t.pValue));
    const avg = total.events / total.n;
    eligible.forEach((r, i) => {
      if (!(adj[i]! < 0.05)) return;
      const ci = wilsonInterval(r.earlyHangups, r.answered);
      const kind = ci.estimate < avg ? 'best' : 'worst';
      const h = `${String(r.hour).padStart(2, '0')}:00-${String(r.hour + 1).padStart(2, '0')}:00`;
      out.push({
        kind, segment, hour: r.hour, answered: r.answered, earlyHangups: r.earlyHangups, hangupRate: ci.estimate,
        ciLow: ci.lower, ciHigh: ci.upper, segmentRate: avg, pValue: tests[i]!.pValue, pValueAdjusted: adj[i],
        link: `/when?segment=${encodeURIComponent(segment)}`,
        explanation: kind === 'best'
          ? { en: `Call ${segment} at ${h}: hang-up rate ${pct(ci.estimate)} (95% CI ${pct(ci.lower)}-${pct(ci.upper)}) vs ${pct(avg)} for the segment overall.`,
              zh: `${segment} 客群在 ${h} 拨打：挂断率 ${pct(ci.estimate)}（95% 区间 ${pct(ci.lower)}-${pct(ci.upper)}），低于该客群平均 ${pct(avg)}。` }
          : { en: `Avoid calling ${segment} at ${h}: hang-up rate ${pct(ci.estimate)} (95% CI ${pct(ci.lower)}-${pct(ci.upper)}) vs ${pct(avg)} for the segment overall.`,
              zh: `避免在 ${h} 拨打 ${segment} 客群：挂断率 ${pct(ci.estimate)}（95% 区间 ${pct(ci.lower)}-${pct(ci.upper)}），高于该客群平均 ${pct(avg)}。` },
      });
    });
  }
  return out.sort((a, b) => a.segment.localeCompare(b.segment) || (a.kind === b.kind ? a.hangupRate - b.hangupRate : a.kind === 'best' ? -1 : 1));
}

/** The smallest 30-day call count whose hang-up rate is credibly above the first call's. */
export function frequencyCap(rows: { key: number; answered: number; earlyHangups: number }[]) {
  const first = rows.find((r) => r.key === 1);
  if (!first || first.answered === 0) return null;
  const later = rows.filter((r) => r.key > 1 && r.answered >= 30).sort((a, b) => a.key - b.key);
  const tests = later.map((r) => twoProportionZTest({ events: r.earlyHangups, n: r.answered }, { events: first.earlyHangups, n: first.answered }));
  const adj = holmAdjust(tests.map((t) => t.pValue));
  const i = later.findIndex((r, j) => adj[j]! < 0.05 && tests[j]!.difference > 0);
  if (i < 0) return null;
  const r = later[i]!;
  const d = newcombeInterval(r.earlyHangups, r.answered, first.earlyHangups, first.answered);
  const base = first.earlyHangups / first.answered;
  const rate = r.earlyHangups / r.answered;
  return {
    capAt: r.key, answered: r.answered, earlyHangups: r.earlyHangups, hangupRate: rate, firstCallRate: base,
    diff: d.difference, diffCiLow: d.lower, diffCiHigh: d.upper, pValue: tests[i]!.pValue, pValueAdjusted: adj[i], link: '/frequency',
    explanation: {
      en: `From call #${r.key} within 30 days the hang-up rate is ${pct(rate)} vs ${pct(base)} on the first call (${pts(d.difference)} points, 95% CI ${pts(d.lower)} to ${pts(d.upper)}): cap at ${r.key - 1} call${r.key - 1 === 1 ? '' : 's'} per callee per 30 days.`,
      zh: `30 天内第 ${r.key} 次拨打的挂断率为 ${pct(rate)}，首次拨打为 ${pct(base)}（相差 ${pts(d.difference)} 个百分点，95% 区间 ${pts(d.lower)} 至 ${pts(d.upper)}）：建议每位客户每 30 天最多拨打 ${r.key - 1} 次。`,
    },
  };
}

/** Numbers whose answer rate fell, or rejection rate rose, in the last 7 days vs the 21 before. */
export function numbersToRest(rows: any[]) {
  const ok = rows.filter((r) => r.recentDials >= 50 && r.priorDials >= 50);
  const answer = ok.map((r) => twoProportionZTest({ events: r.recentAnswered, n: r.recentDials }, { events: r.priorAnswered, n: r.priorDials }));
  const reject = ok.map((r) => twoProportionZTest({ events: r.recentRejected, n: r.recentDials }, { events: r.priorRejected, n: r.priorDials }));
  const adjA = holmAdjust(answer.map((t) => t.pValue));
  const adjR = holmAdjust(reject.map((t) => t.pValue));
  return ok.flatMap((r, i) => {
    const fell = adjA[i]! < 0.05 && answer[i]!.difference < 0;
    const rose = adjR[i]! < 0.05 && reject[i]!.difference > 0;
    if (!fell && !rose) return [];
    const ra = r.recentAnswered / r.recentDials, pa = r.priorAnswered / r.priorDials;
    const rr = r.recentRejected / r.recentDials, pr = r.priorRejected / r.priorDials;
    return [{
      callerNumber: r.callerNumber, numberTag: r.numberTag, ...r,
      recentAnswerRate: ra, priorAnswerRate: pa, recentRejectionRate: rr, priorRejectionRate: pr,
      answerPValueAdjusted: adjA[i], rejectionPValueAdjusted: adjR[i], link: `/numbers`,
      explanation: {
        en: `Rest ${r.callerNumber}: answer rate ${pct(ra)} in the last 7 days vs ${pct(pa)} before, rejection ${pct(rr)} vs ${pct(pr)} (adjusted p ${Math.min(adjA[i]!, adjR[i]!).toPrecision(2)}).`,
        zh: `建议停用 ${r.callerNumber}：近 7 天接通率 ${pct(ra)}（此前 ${pct(pa)}），拒接率 ${pct(rr)}（此前 ${pct(pr)}），校正后 p = ${Math.min(adjA[i]!, adjR[i]!).toPrecision(2)}。`,
      },
    }];
  });
}

/** Agents whose shrunk hang-up rate is credibly above the team's (P > 0.95). */
export function agentsToCoach(rows: { key: string; answered: number; earlyHangups: number }[]) {
  const withCalls = rows.filter((r) => r.key !== null && r.answered > 0);
  const fit = shrinkRates(withCalls.map((r) => ({ events: r.earlyHangups, n: r.answered })));
  return withCalls.flatMap((r, i) => {
    const u = fit.units[i]!;
    if (!(u.probAboveTeam > 0.95)) return [];
    return [{
      agent: r.key, answered: r.answered, earlyHangups: r.earlyHangups, rawRate: u.rawRate, shrunkRate: u.shrunkRate,
      shrunkCiLow: u.lower, shrunkCiHigh: u.upper, probAboveTeam: u.probAboveTeam, teamRate: fit.teamRate,
      link: `/agents`,
      explanation: {
        en: `Coach ${r.key}: shrunk hang-up rate ${pct(u.shrunkRate)} (95% credible ${pct(u.lower)}-${pct(u.upper)}) vs team ${pct(fit.teamRate)}; P(above team) = ${u.probAboveTeam.toFixed(3)} on ${r.answered} answered calls.`,
        zh: `建议辅导 ${r.key}：收缩后挂断率 ${pct(u.shrunkRate)}（95% 可信区间 ${pct(u.lower)}-${pct(u.upper)}），团队为 ${pct(fit.teamRate)}；基于 ${r.answered} 通接通电话，高于团队的概率为 ${u.probAboveTeam.toFixed(3)}。`,
      },
    }];
  });
}

/** Adds the empirical-Bayes shrunk rate next to the raw one (agent and caller-number breakdowns). */
export function withShrunkRates<T extends { answered: number; earlyHangups: number }>(rows: T[]) {
  const fit = shrinkRates(rows.map((r) => ({ events: r.earlyHangups, n: r.answered })));
  const f = (x: number) => (Number.isFinite(x) ? x : null);
  return rows.map((r, i) => ({ ...r, shrunkRate: f(fit.units[i]!.shrunkRate), shrunkCiLow: f(fit.units[i]!.lower), shrunkCiHigh: f(fit.units[i]!.upper) }));
}
