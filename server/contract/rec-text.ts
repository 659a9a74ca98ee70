/**
 * The sentence behind each recommendation, written from its fields in zh-CN or English with the
 * shared number formats and value labels. The dashboard's /insights and the weekly report both
 * use these, so a window reads "蓝领客群在 20:00–21:00 拨打…" in both and "2,289" never
 * sits beside "2289". (The API's own `explanation` stays for API clients.)
 */
import type { Headline } from '../semantic/measures.ts';
import { createFormat, type Format } from './format.ts';
import { valueLabel, type LabelLang } from './labels.ts';

type Num = number | null | undefined;
export interface WindowFields {
  kind: string;
  segment: string;
  hour: number;
  hangupRate: Num;
  ciLow: Num;
  ciHigh: Num;
  segmentRate: Num;
}
export interface CapFields {
  capAt: number;
  hangupRate: Num;
  firstCallRate: Num;
  diff: Num;
  diffCiLow: Num;
  diffCiHigh: Num;
}
export interface NumberFields {
  callerNumber: string;
  recentAnswerRate: Num;
  priorAnswerRate: Num;
  recentRejectionRate: Num;
  priorRejectionRate: Num;
  answerPValueAdjusted: Num;
  rejectionPValueAdjusted: Num;
}
export interface AgentFields {
  agent: string;
  shrunkRate: Num;
  shrunkCiLow: Num;
  shrunkCiHigh: Num;
  teamRate: Num;
  probAboveTeam: Num;
  answered: number;
  /** The calls the rate is over: known-party calls for the hang-up rate, answered calls for the short-call rate. */
  n: number;
}

const formats = new Map<string, Format>();
const fmtFor = (lang: LabelLang) => {
  const key = lang === 'en' ? 'en' : 'zh';
  let f = formats.get(key);
  if (!f) formats.set(key, (f = createFormat(lang)));
  return f;
};
const zh = (lang: LabelLang) => lang !== 'en';

/**
 * The rate a recommendation ranks by (the view's headline metric, `metric` of the response) and
 * the calls it is over, named as the dashboard names them: the hang-up rate is over the answered
 * calls that say who hung up, the short-call rate over all answered calls.
 */
const WORDS: Record<Headline, { rate: { en: string; zh: string }; calls: { en: string; zh: string } }> = {
  hangup: {
    rate: { en: 'hang-up rate', zh: '挂断率' },
    calls: { en: 'answered calls that say who hung up', zh: '挂断方已知的接通电话' },
  },
  short: {
    rate: { en: 'short-call rate', zh: '短通话占比' },
    calls: { en: 'answered calls', zh: '接通电话' },
  },
};
const minP = (a: Num, b: Num) => Math.min(a ?? 1, b ?? 1);

export function windowText(w: WindowFields, lang: LabelLang, metric: Headline = 'hangup'): string {
  const f = fmtFor(lang);
  const rate = WORDS[metric].rate;
  const seg = valueLabel(lang, 'segment', w.segment);
  const h = f.hours(w.hour);
  const ci = `${f.pct(w.ciLow)}–${f.pct(w.ciHigh)}`;
  if (zh(lang)) {
    return w.kind === 'best'
      ? `${seg}客群在 ${h} 拨打：${rate.zh} ${f.pct(w.hangupRate)}（95% 区间 ${ci}），低于该客群平均 ${f.pct(w.segmentRate)}。`
      : `避免在 ${h} 拨打${seg}客群：${rate.zh} ${f.pct(w.hangupRate)}（95% 区间 ${ci}），高于该客群平均 ${f.pct(w.segmentRate)}。`;
  }
  return w.kind === 'best'
    ? `Call ${seg} at ${h}: ${rate.en} ${f.pct(w.hangupRate)} (95% CI ${ci}) vs ${f.pct(w.segmentRate)} for the segment overall.`
    : `Avoid calling ${seg} at ${h}: ${rate.en} ${f.pct(w.hangupRate)} (95% CI ${ci}) vs ${f.pct(w.segmentRate)} for the segment overall.`;
}

export function capText(c: CapFields, lang: LabelLang, metric: Headline = 'hangup'): string {
  const f = fmtFor(lang);
  const rate = WORDS[metric].rate;
  const cap = c.capAt - 1;
  if (zh(lang)) {
    return `30 天内第 ${f.int(c.capAt)} 次拨打的${rate.zh}为 ${f.pct(c.hangupRate)}，首次拨打为 ${f.pct(c.firstCallRate)}（相差 ${f.pp(c.diff)} 个百分点，95% 区间 ${f.pp(c.diffCiLow)} 至 ${f.pp(c.diffCiHigh)}）：建议每位客户每 30 天最多拨打 ${f.int(cap)} 次。`;
  }
  return `From call #${f.int(c.capAt)} within 30 days the ${rate.en} is ${f.pct(c.hangupRate)} vs ${f.pct(c.firstCallRate)} on the first call (${f.pp(c.diff)} points, 95% CI ${f.pp(c.diffCiLow)} to ${f.pp(c.diffCiHigh)}): cap at ${f.int(cap)} call${cap === 1 ? '' : 's'} per callee per 30 days.`;
}

export function numberText(n: NumberFields, lang: LabelLang): string {
  const f = fmtFor(lang);
  const p = f.pIs(minP(n.answerPValueAdjusted, n.rejectionPValueAdjusted));
  if (zh(lang)) {
    return `建议停用 ${n.callerNumber}：近 7 天接通率 ${f.pct(n.recentAnswerRate)}（此前 ${f.pct(n.priorAnswerRate)}），拒接率 ${f.pct(n.recentRejectionRate)}（此前 ${f.pct(n.priorRejectionRate)}），校正后 ${p}。`;
  }
  return `Rest ${n.callerNumber}: answer rate ${f.pct(n.recentAnswerRate)} in the last 7 days vs ${f.pct(n.priorAnswerRate)} before, rejection ${f.pct(n.recentRejectionRate)} vs ${f.pct(n.priorRejectionRate)} (adjusted ${p}).`;
}

/** The agent's sentence: the shrunk rate and the number of calls it rests on (its own denominator, not all answered calls). */
export function agentText(a: AgentFields, lang: LabelLang, metric: Headline = 'hangup'): string {
  const f = fmtFor(lang);
  const { rate, calls } = WORDS[metric];
  const ci = `${f.pct(a.shrunkCiLow)}–${f.pct(a.shrunkCiHigh)}`;
  if (zh(lang)) {
    return `建议辅导 ${a.agent}：收缩后${rate.zh} ${f.pct(a.shrunkRate)}（95% 可信区间 ${ci}），团队为 ${f.pct(a.teamRate)}；基于 ${f.int(a.n)} 通${calls.zh}，高于团队的概率为 ${f.prob(a.probAboveTeam)}。`;
  }
  return `Coach ${a.agent}: shrunk ${rate.en} ${f.pct(a.shrunkRate)} (95% credible ${ci}) vs team ${f.pct(a.teamRate)}; chance above the team ${f.prob(a.probAboveTeam)} on ${f.int(a.n)} ${calls.en}.`;
}
