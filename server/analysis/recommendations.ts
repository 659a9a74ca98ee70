import type { Filters } from '../contract/filters.ts';
import type { NumberTrend } from '../contract/insights.ts';
export type { NumberTrend };
import type { BreakdownRow } from '../contract/metrics.ts';
import type { Database } from '../db/database.ts';
import { breakdown, heatmap, runMetric, summary, type Settings } from '../metrics.ts';
import type { Headline } from '../semantic/measures.ts';
import { holmAdjust, newcombeInterval, shrinkRates, twoProportionZTest, wilsonInterval } from '../stats/index.ts';

/** Windows need this many answered calls before they are ranked. */
export const MIN_WINDOW_ANSWERED = 100;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pts = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}`;

/** Counts a recommendation reads per row; knownParty and shortCalls absent = older callers (hang-up over answered). */
export interface RateCounts {
  answered: number;
  earlyHangups: number;
  knownParty?: number;
  shortCalls?: number;
}

/**
 * Events and denominator of the metric ranked: hang-up rate = early hang-ups / known party,
 * short-call rate = short calls / answered (README, Metrics).
 */
export function metricCounts(r: RateCounts, metric: Headline = 'hangup'): { events: number; n: number } {
  return metric === 'hangup'
    ? { events: r.earlyHangups, n: r.knownParty ?? r.answered }
    : { events: r.shortCalls ?? 0, n: r.answered };
}

const rateName = (metric: Headline, T: number) =>
  metric === 'hangup'
    ? { en: 'hang-up rate', zh: '挂断率' }
    : { en: `short-call rate (< ${T} s)`, zh: `短通话率（不足 ${T} 秒）` };

/**
 * Actionable findings, each with its evidence and a one-sentence explanation in zh and en:
 * best / worst hours per segment, the frequency cap, caller numbers to rest, agents to coach.
 * Ranked by the view's headline metric (the short-call rate when most hang-up parties are
 * unknown); every input is an aggregate query (rollups where they cover it).
 */
export async function recommendations(db: Database, filters: Filters, settings: Settings) {
  const [head, cells, freq, numbers, agents] = await Promise.all([
    summary(db, filters, settings),
    heatmap(db, 'hour', 'segment', filters, settings),
    breakdown(db, 'nth_call_30d', filters, settings),
    numberRecent(db, filters, settings),
    breakdown(db, 'agent', filters, settings),
  ]);
  const metric = head.headline;
  const hours = cells.filter((c) => c.y !== null).map((c) => ({ ...c, segment: String(c.y), hour: Number(c.x) }));
  const T = settings.earlySeconds;
  return {
    metric,
    windows: callWindows(hours, metric, T),
    frequencyCap: frequencyCap(freq as (BreakdownRow & { key: number })[], metric, T),
    numbersToRest: numbersToRest(numbers),
    agentsToCoach: agentsToCoach(agents as (BreakdownRow & { key: string })[], metric, T),
  };
}

/**
 * Per caller number: dials, answers and rejections in the last 7 days of the filtered data and in
 * the 21 days before them, to spot numbers that are getting burned. The counts per number, tag and
 * day come from the semantic layer's template (rollup_caller when it covers the filters; DuckDB or
 * ClickHouse alike); the windows are summed here. numberTag: the number's tag on its latest day.
 */
export async function numberRecent(db: Database, filters: Filters, settings: Settings): Promise<NumberTrend[]> {
  type Day = {
    caller_number: string | null;
    number_tag: string | null;
    date: string;
    dials: number;
    answered: number;
    rejected: number;
  };
  const { rows } = await runMetric<Day>(db, settings, {
    groups: [
      { alias: 'caller_number', column: 'caller_number' },
      { alias: 'number_tag', column: 'number_tag' },
      { alias: 'date', column: 'local_date' },
    ],
    filters,
  });
  const days = rows.filter((r) => r.caller_number !== null);
  if (days.length === 0) return [];
  const dayNo = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const lastDate = days.reduce((m, r) => (String(r.date) > m ? String(r.date) : m), '');
  const last = dayNo(lastDate);
  // tagDate: the day numberTag was seen on, so the latest day's tag wins.
  const out = new Map<string, NumberTrend & { tagDate: string }>();
  for (const r of days) {
    const age = last - dayNo(String(r.date));
    let o = out.get(r.caller_number!);
    if (!o) {
      o = {
        callerNumber: r.caller_number!,
        numberTag: null,
        tagDate: '',
        lastDate,
        recentDials: 0,
        recentAnswered: 0,
        recentRejected: 0,
        priorDials: 0,
        priorAnswered: 0,
        priorRejected: 0,
      };
      out.set(r.caller_number!, o);
    }
    const d = String(r.date);
    if (
      r.number_tag !== null &&
      (d > o.tagDate || (d === o.tagDate && o.numberTag !== null && r.number_tag < o.numberTag))
    )
      [o.numberTag, o.tagDate] = [r.number_tag, d];
    if (age < 7)
      [o.recentDials, o.recentAnswered, o.recentRejected] = [
        o.recentDials + r.dials,
        o.recentAnswered + r.answered,
        o.recentRejected + r.rejected,
      ];
    else if (age < 28)
      [o.priorDials, o.priorAnswered, o.priorRejected] = [
        o.priorDials + r.dials,
        o.priorAnswered + r.answered,
        o.priorRejected + r.rejected,
      ];
  }
  return [...out.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => {
      const { tagDate: _, ...o } = out.get(k)!;
      return o;
    });
}

/** Hours whose rate differs from the rest of the segment (Holm-adjusted z-test, p < 0.05). */
export function callWindows(
  rows: (RateCounts & { segment: string; hour: number })[],
  metric: Headline = 'hangup',
  T = 10,
) {
  const name = rateName(metric, T);
  const out = [...new Set(rows.map((r) => r.segment))].flatMap((segment) => {
    const seg = rows.filter((r) => r.segment === segment).map((r) => ({ ...r, ...metricCounts(r, metric) }));
    const total = seg.reduce((s, r) => ({ events: s.events + r.events, n: s.n + r.n }), { events: 0, n: 0 });
    const eligible = seg.filter((r) => r.n >= MIN_WINDOW_ANSWERED);
    const tests = eligible.map((r) =>
      twoProportionZTest({ events: r.events, n: r.n }, { events: total.events - r.events, n: total.n - r.n }),
    );
    const adj = holmAdjust(tests.map((t) => t.pValue));
    const avg = total.events / total.n;
    return eligible.flatMap((r, i) => {
      if (!(adj[i]! < 0.05)) return [];
      const ci = wilsonInterval(r.events, r.n);
      const kind = ci.estimate < avg ? 'best' : 'worst';
      const h = `${String(r.hour).padStart(2, '0')}:00-${String(r.hour + 1).padStart(2, '0')}:00`;
      return [
        {
          kind,
          segment,
          hour: r.hour,
          answered: r.answered,
          earlyHangups: r.earlyHangups,
          n: r.n,
          events: r.events,
          hangupRate: ci.estimate,
          ciLow: ci.lower,
          ciHigh: ci.upper,
          segmentRate: avg,
          pValue: tests[i]!.pValue,
          pValueAdjusted: adj[i],
          link: `/when?segment=${encodeURIComponent(segment)}`,
          explanation:
            kind === 'best'
              ? {
                  en: `Call ${segment} at ${h}: ${name.en} ${pct(ci.estimate)} (95% CI ${pct(ci.lower)}-${pct(ci.upper)}) vs ${pct(avg)} for the segment overall.`,
                  zh: `${segment} 客群在 ${h} 拨打：${name.zh} ${pct(ci.estimate)}（95% 区间 ${pct(ci.lower)}-${pct(ci.upper)}），低于该客群平均 ${pct(avg)}。`,
                }
              : {
                  en: `Avoid calling ${segment} at ${h}: ${name.en} ${pct(ci.estimate)} (95% CI ${pct(ci.lower)}-${pct(ci.upper)}) vs ${pct(avg)} for the segment overall.`,
                  zh: `避免在 ${h} 拨打 ${segment} 客群：${name.zh} ${pct(ci.estimate)}（95% 区间 ${pct(ci.lower)}-${pct(ci.upper)}），高于该客群平均 ${pct(avg)}。`,
                },
        },
      ];
    });
  });
  return out.sort(
    (a, b) =>
      a.segment.localeCompare(b.segment) ||
      (a.kind === b.kind ? a.hangupRate - b.hangupRate : a.kind === 'best' ? -1 : 1),
  );
}

/** The smallest 30-day call count whose rate is credibly above the first call's. */
export function frequencyCap(rows: (RateCounts & { key: number })[], metric: Headline = 'hangup', T = 10) {
  const name = rateName(metric, T);
  const m = rows.map((r) => ({ ...r, ...metricCounts(r, metric) }));
  const first = m.find((r) => r.key === 1);
  if (!first || first.n === 0) return null;
  const later = m.filter((r) => r.key > 1 && r.n >= 30).sort((a, b) => a.key - b.key);
  const tests = later.map((r) =>
    twoProportionZTest({ events: r.events, n: r.n }, { events: first.events, n: first.n }),
  );
  const adj = holmAdjust(tests.map((t) => t.pValue));
  const i = later.findIndex((r, j) => adj[j]! < 0.05 && tests[j]!.difference > 0);
  if (i < 0) return null;
  const r = later[i]!;
  const d = newcombeInterval(r.events, r.n, first.events, first.n);
  const base = first.events / first.n;
  const rate = r.events / r.n;
  return {
    capAt: r.key,
    answered: r.answered,
    earlyHangups: r.earlyHangups,
    n: r.n,
    events: r.events,
    hangupRate: rate,
    firstCallRate: base,
    firstCallN: first.n,
    firstCallEvents: first.events,
    diff: d.difference,
    diffCiLow: d.lower,
    diffCiHigh: d.upper,
    pValue: tests[i]!.pValue,
    pValueAdjusted: adj[i],
    link: '/frequency',
    explanation: {
      en: `From call #${r.key} within 30 days the ${name.en} is ${pct(rate)} vs ${pct(base)} on the first call (${pts(d.difference)} points, 95% CI ${pts(d.lower)} to ${pts(d.upper)}): cap at ${r.key - 1} call${r.key - 1 === 1 ? '' : 's'} per callee per 30 days.`,
      zh: `30 天内第 ${r.key} 次拨打的${name.zh}为 ${pct(rate)}，首次拨打为 ${pct(base)}（相差 ${pts(d.difference)} 个百分点，95% 区间 ${pts(d.lower)} 至 ${pts(d.upper)}）：建议每位客户每 30 天最多拨打 ${r.key - 1} 次。`,
    },
  };
}

/** Numbers whose answer rate fell, or rejection rate rose, in the last 7 days vs the 21 before. */
export function numbersToRest(rows: NumberTrend[]) {
  const ok = rows.filter((r) => r.recentDials >= 50 && r.priorDials >= 50);
  const answer = ok.map((r) =>
    twoProportionZTest({ events: r.recentAnswered, n: r.recentDials }, { events: r.priorAnswered, n: r.priorDials }),
  );
  const reject = ok.map((r) =>
    twoProportionZTest({ events: r.recentRejected, n: r.recentDials }, { events: r.priorRejected, n: r.priorDials }),
  );
  const adjA = holmAdjust(answer.map((t) => t.pValue));
  const adjR = holmAdjust(reject.map((t) => t.pValue));
  return ok.flatMap((r, i) => {
    const fell = adjA[i]! < 0.05 && answer[i]!.difference < 0;
    const rose = adjR[i]! < 0.05 && reject[i]!.difference > 0;
    if (!fell && !rose) return [];
    const ra = r.recentAnswered / r.recentDials,
      pa = r.priorAnswered / r.priorDials;
    const rr = r.recentRejected / r.recentDials,
      pr = r.priorRejected / r.priorDials;
    return [
      {
        ...r,
        recentAnswerRate: ra,
        priorAnswerRate: pa,
        recentRejectionRate: rr,
        priorRejectionRate: pr,
        answerPValueAdjusted: adjA[i],
        rejectionPValueAdjusted: adjR[i],
        link: `/numbers`,
        explanation: {
          en: `Rest ${r.callerNumber}: answer rate ${pct(ra)} in the last 7 days vs ${pct(pa)} before, rejection ${pct(rr)} vs ${pct(pr)} (adjusted p ${Math.min(adjA[i]!, adjR[i]!).toPrecision(2)}).`,
          zh: `建议停用 ${r.callerNumber}：近 7 天接通率 ${pct(ra)}（此前 ${pct(pa)}），拒接率 ${pct(rr)}（此前 ${pct(pr)}），校正后 p = ${Math.min(adjA[i]!, adjR[i]!).toPrecision(2)}。`,
        },
      },
    ];
  });
}

/** Agents whose shrunk rate is credibly above the team's (P > 0.95). */
export function agentsToCoach(rows: (RateCounts & { key: string })[], metric: Headline = 'hangup', T = 10) {
  const name = rateName(metric, T);
  const withCalls = rows
    .filter((r) => r.key !== null)
    .map((r) => ({ ...r, ...metricCounts(r, metric) }))
    .filter((r) => r.n > 0);
  const fit = shrinkRates(withCalls.map((r) => ({ events: r.events, n: r.n })));
  return withCalls.flatMap((r, i) => {
    const u = fit.units[i]!;
    if (!(u.probAboveTeam > 0.95)) return [];
    return [
      {
        agent: r.key,
        answered: r.answered,
        earlyHangups: r.earlyHangups,
        n: r.n,
        events: r.events,
        rawRate: u.rawRate,
        shrunkRate: u.shrunkRate,
        shrunkCiLow: u.lower,
        shrunkCiHigh: u.upper,
        probAboveTeam: u.probAboveTeam,
        teamRate: fit.teamRate,
        link: `/agents`,
        explanation: {
          en: `Coach ${r.key}: shrunk ${name.en} ${pct(u.shrunkRate)} (95% credible ${pct(u.lower)}-${pct(u.upper)}) vs team ${pct(fit.teamRate)}; P(above team) = ${u.probAboveTeam.toFixed(3)} on ${r.n} ${metric === 'hangup' ? 'answered calls with a known hang-up party' : 'answered calls'}.`,
          zh: `建议辅导 ${r.key}：收缩后${name.zh} ${pct(u.shrunkRate)}（95% 可信区间 ${pct(u.lower)}-${pct(u.upper)}），团队为 ${pct(fit.teamRate)}；基于 ${r.n} 通${metric === 'hangup' ? '已知挂机方的' : ''}接通电话，高于团队的概率为 ${u.probAboveTeam.toFixed(3)}。`,
        },
      },
    ];
  });
}

/**
 * Adds the empirical-Bayes shrunk hang-up rate (over known-party calls) next to the raw one (agent
 * and caller-number breakdowns). Calls without an agent (number) are no unit: they stay out of the
 * fit, as in agentsToCoach, so /agents and /insights shrink the same agents the same way.
 */
export function withShrunkRates<T extends RateCounts & { key: unknown }>(rows: T[]) {
  const units = rows.filter((r) => r.key !== null);
  const fit = shrinkRates(units.map((r) => ({ events: r.earlyHangups, n: r.knownParty ?? r.answered })));
  const f = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x : null);
  let i = 0;
  return rows.map((r) => {
    const u = r.key === null ? undefined : fit.units[i++];
    return { ...r, shrunkRate: f(u?.shrunkRate), shrunkCiLow: f(u?.lower), shrunkCiHigh: f(u?.upper) };
  });
}
