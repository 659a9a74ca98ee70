/**
 * The A/B verdicts and recommendations as report tables and sentences. Each table names
 * the evidence fields it shows, with headers in both languages.
 */
import type { ReportData } from './data.ts';
import type { Headline } from '../semantic/measures.ts';
import { valueLabel } from '../contract/labels.ts';
import {
  agentText,
  capText,
  numberText,
  windowText,
  type AgentFields,
  type CapFields,
  type NumberFields,
  type WindowFields,
} from '../contract/rec-text.ts';
import { dict, fill, fmtPct, fmtPp, fmtPpRange, reportFormat, type Lang } from './i18n.ts';
import { AB_RATE_WORDS, type AbArm, type AbView, type Recommendations, type Section } from './insights.ts';
import { cols, points, type CellValue, type Fmt, type ReportTable } from './table-model.ts';

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function sectionNote(s: Section<unknown>, lang: Lang): string | null {
  return s.status === 'ok' ? null : dict(lang).failed + s.reason;
}

/**
 * The A/B method note, naming the week's control and the rule that chose it (server/analysis/control.ts:
 * the line a scripts file marks, else the most answered); the rule alone when there is no control.
 */
export function abNote(ab: AbView | null, lang: Lang): string {
  const t = dict(lang);
  const line = ab?.control ? valueLabel(lang, 'script', ab.control) : null;
  const control =
    line === null || !ab?.controlRule
      ? t.abControlRule
      : fill(ab.controlRule === 'marked' ? t.abControlMarked : t.abControlMostAnswered, { line });
  return fill(t.abNote, { control });
}

/** The p-value the verdict reads: the one of the analysis it came from (adjusted CMH or crude, Holm). */
export const verdictP = (a: AbArm) =>
  a.verdictFrom?.pValueAdjusted ??
  (typeof a.cmhPValueAdjusted === 'number' ? a.cmhPValueAdjusted : num(a.pValueAdjusted));
export const isSignificant = (a: AbArm) => a.verdict === 'better' || a.verdict === 'worse';
/** CSS class of a verdict: better is good (green), worse is bad (red), the rest muted. */
export const verdictClass = (a: AbArm) => (a.verdict === 'better' ? 'good' : a.verdict === 'worse' ? 'bad' : 'nsig');

export function abRows(s: Section<AbView>, lang: Lang): ReportTable {
  const t = dict(lang);
  const table: ReportTable = {
    id: 'ab',
    name: t.sheetNames.ab,
    title: t.abTitle,
    columns: [
      ...cols('text', t.script),
      ...cols('int', t.answered, t.earlyHangups),
      ...cols('pct', t.hangupRate, t.ciLow, t.ciHigh),
      ...cols('pp', t.diff, `${t.diff} ${t.ciLow}`, `${t.diff} ${t.ciHigh}`),
      ...cols('p', t.pValue, t.pAdjusted),
      ...cols('pct', t.chanceToBeat, t.standardisedRate),
      ...cols('num', t.oddsRatio, `OR ${t.ciLow}`, `OR ${t.ciHigh}`),
      ...cols('p', t.cmhP),
      ...cols('text', t.verdict, t.simpson),
    ],
    rows: [],
    note: sectionNote(s, lang) ?? abNote(s.status === 'ok' ? s.value : null, lang),
  };
  if (s.status !== 'ok') return table;
  // The compared rate is the week's headline: name its numerator, denominator and rate.
  const words = AB_RATE_WORDS[s.value.metric];
  table.columns[1]!.header = words.n[lang];
  table.columns[2]!.header = words.events[lang];
  table.columns[3]!.header = words.rate[lang];
  table.rows = s.value.arms.map((a) => [
    a.isControl ? `${valueLabel(lang, 'script', a.script)} (${t.control})` : valueLabel(lang, 'script', a.script),
    a.n,
    a.events,
    num(a.rate),
    num(a.ciLow),
    num(a.ciHigh),
    points(num(a.diff)),
    points(num(a.diffCiLow)),
    points(num(a.diffCiHigh)),
    num(a.pValue),
    num(a.pValueAdjusted),
    num(a.chanceToBeatControl),
    num(a.standardisedRate),
    num(a.oddsRatio),
    num(a.orCiLow),
    num(a.orCiHigh),
    num(a.cmhPValueAdjusted),
    a.isControl ? null : verdictWord(a, lang),
    abWarning(a, lang),
  ]);
  return table;
}

/** The crude verdict (Holm-adjusted pooled z-test, direction of the crude difference). */
export function crudeVerdictWord(a: AbArm, lang: Lang): string {
  const v =
    a.crudeVerdict ??
    (typeof a.pValueAdjusted === 'number' && a.pValueAdjusted < 0.05
      ? (a.diff ?? 0) > 0
        ? 'worse'
        : 'better'
      : 'no_evidence');
  return wordOf(v, lang);
}

const wordOf = (v: string | undefined, lang: Lang) => {
  const t = dict(lang);
  return v === 'better' ? t.better : v === 'worse' ? t.worse : v === 'too_few' ? t.tooFew : t.noDifference;
};

/**
 * The warning for an arm, if any: the Simpson warning of abAnalysis (opposite directions, the
 * adjusted one credible), or, milder, a crude verdict that does not survive the adjustment.
 */
export function abWarning(a: AbArm, lang: Lang): string | null {
  const t = dict(lang);
  if (a.isControl) return null;
  if (a.simpsonWarning) return t.simpsonWarning;
  if (typeof a.oddsRatio !== 'number') return null;
  const crude = crudeVerdictWord(a, lang);
  const adjusted = verdictWord(a, lang);
  return crude === adjusted ? null : fill(t.crudeAdjustedDisagree, { crude, adjusted });
}

/** better / worse / no evidence yet / too few calls: abAnalysis's verdict for the arm. */
export function verdictWord(a: AbArm, lang: Lang): string {
  return wordOf(a.verdict, lang);
}

/**
 * One sentence per arm that leads with the verdict and the number that decides it (the adjusted
 * odds ratio when strata were used, else the crude difference), then the crude rate for context.
 */
export function abSentence(a: AbArm, control: string, lang: Lang, metric: AbView['metric'] = 'hangup'): string {
  const rate = AB_RATE_WORDS[metric].rate[lang];
  const f = reportFormat(lang);
  const arm = valueLabel(lang, 'script', a.script);
  const ctl = valueLabel(lang, 'script', control);
  const v = a.verdictFrom;
  const word = verdictWord(a, lang);
  if (lang === 'zh') {
    const basis =
      v?.measure === 'odds_ratio'
        ? `调整后比值比 ${f.ratio(v.estimate)}（95% 区间 ${f.ratio(v.low)}–${f.ratio(v.high)}，校正后 ${f.pIs(v.pValueAdjusted)}）`
        : `差异 ${fmtPp(a.diff, lang)}（95% 区间 ${fmtPpRange(a.diffCiLow, a.diffCiHigh)}，校正后 ${f.pIs(a.pValueAdjusted)}）`;
    return `${arm} 对比 ${ctl}：${word}。${basis}；未调整${rate} ${fmtPct(a.rate)}（${f.int(a.events)}/${f.int(a.n)}）。`;
  }
  const basis =
    v?.measure === 'odds_ratio'
      ? `adjusted odds ratio ${f.ratio(v.estimate)} (95% CI ${f.ratio(v.low)}–${f.ratio(v.high)}, adjusted ${f.pIs(v.pValueAdjusted)})`
      : `difference ${fmtPp(a.diff, lang)} (95% CI ${fmtPpRange(a.diffCiLow, a.diffCiHigh)}, adjusted ${f.pIs(a.pValueAdjusted)})`;
  return `${arm} vs ${ctl}: ${word}. ${basis}; crude ${rate.toLowerCase()} ${fmtPct(a.rate)} (${f.int(a.events)} of ${f.int(a.n)}).`;
}

/** Call windows come as one list from the API; the report splits them into best and avoid. */
type RecKey = 'windows' | 'windowsAvoid' | 'frequencyCap' | 'numbersToRest' | 'agentsToCoach';
export const REC_KEYS: RecKey[] = ['windows', 'windowsAvoid', 'frequencyCap', 'numbersToRest', 'agentsToCoach'];

type Item = Record<string, unknown> & { explanation: { zh: string; en: string } };
export function recommendationItems(r: Recommendations, key: RecKey): Item[] {
  const list = (k: keyof Recommendations) => {
    const v = r[k] as unknown as Item | Item[] | null;
    return v == null ? [] : Array.isArray(v) ? v : [v];
  };
  // Windows in hour order within each segment, as a reader scans a day.
  const byHour = (a: Item, b: Item) =>
    String(a.segment).localeCompare(String(b.segment)) || Number(a.hour) - Number(b.hour);
  if (key === 'windows')
    return list('windows')
      .filter((w) => w.kind === 'best')
      .sort(byHour);
  if (key === 'windowsAvoid')
    return list('windows')
      .filter((w) => w.kind !== 'best')
      .sort(byHour);
  return list(key);
}

/** The sentence for an item, from its fields with the shared formats and labels (server/contract/rec-text.ts). */
export function recommendationText(key: RecKey, item: Item, lang: Lang, metric: Headline = 'hangup'): string {
  // The item is the key's own row shape (server/analysis/recommendations.ts), held here as a record.
  const f = item as unknown;
  if (key === 'windows' || key === 'windowsAvoid') return windowText(f as WindowFields, lang, metric);
  if (key === 'frequencyCap') return capText(f as CapFields, lang, metric);
  if (key === 'numbersToRest') return numberText(f as NumberFields, lang);
  return agentText(f as AgentFields, lang, metric);
}

/**
 * The calls the ranked rate is over (`n` of each item): known-party calls for the hang-up rate,
 * named as the A/B table names them; left out for the short-call rate, whose n is the answered
 * column. `hangupRate` holds the ranked rate, headed with its name.
 */
const N_EVIDENCE: [string, string, string, Fmt] = ['n', AB_RATE_WORDS.hangup.n.zh, AB_RATE_WORDS.hangup.n.en, 'int'];

/** Headers (zh, en) that name the ranked rate or its denominator, so they follow the headline metric. */
function metricHeader(field: string, w: (typeof AB_RATE_WORDS)[Headline]): [string, string] | null {
  if (field === 'hangupRate') return [w.rate.zh, w.rate.en];
  if (field === 'firstCallN') return [`首次拨打：${w.n.zh}`, `First call: ${w.n.en.toLowerCase()}`];
  return null;
}

/** Evidence columns of a call window, best or to avoid alike. */
const WINDOW_EVIDENCE: [string, string, string, Fmt][] = [
  ['segment', '客户分群', 'Segment', 'text'],
  ['hour', '时段', 'Hours', 'text'],
  ['answered', '接通数', 'Answered', 'int'],
  ['earlyHangups', '早挂数', 'Early hang-ups', 'int'],
  N_EVIDENCE,
  ['hangupRate', '挂断率', 'Hang-up rate', 'pct'],
  ['ciLow', '区间下限', 'CI low', 'pct'],
  ['ciHigh', '区间上限', 'CI high', 'pct'],
  ['segmentRate', '分群平均', 'Segment average', 'pct'],
  ['pValueAdjusted', '校正后 p 值', 'Adjusted p', 'p'],
];

/** Evidence columns per kind of recommendation: field, header (zh, en), format. */
const EVIDENCE: Record<RecKey, [string, string, string, Fmt][]> = {
  windows: WINDOW_EVIDENCE,
  windowsAvoid: WINDOW_EVIDENCE,
  frequencyCap: [
    ['capAt', '自第几次起', 'From call #', 'int'],
    ['answered', '接通数', 'Answered', 'int'],
    ['earlyHangups', '早挂数', 'Early hang-ups', 'int'],
    N_EVIDENCE,
    ['hangupRate', '挂断率', 'Hang-up rate', 'pct'],
    ['firstCallRate', '首次拨打挂断率', 'First-call rate', 'pct'],
    ['firstCallN', ...metricHeader('firstCallN', AB_RATE_WORDS.hangup)!, 'int'],
    ['diff', '差异', 'Difference', 'pp'],
    ['diffCiLow', '差异下限', 'Diff. CI low', 'pp'],
    ['diffCiHigh', '差异上限', 'Diff. CI high', 'pp'],
    ['pValueAdjusted', '校正后 p 值', 'Adjusted p', 'p'],
  ],
  numbersToRest: [
    ['callerNumber', '外显号码', 'Caller number', 'text'],
    ['numberTag', '号码标签', 'Number tag', 'text'],
    ['recentDials', '近 7 天外呼', 'Dials, last 7 d', 'int'],
    ['recentAnswerRate', '近 7 天接通率', 'Answer rate, last 7 d', 'pct'],
    ['priorAnswerRate', '此前 21 天接通率', 'Answer rate, 21 d before', 'pct'],
    ['recentRejectionRate', '近 7 天拒接率', 'Rejection, last 7 d', 'pct'],
    ['priorRejectionRate', '此前 21 天拒接率', 'Rejection, 21 d before', 'pct'],
    ['answerPValueAdjusted', '接通率校正后 p', 'Answer adj. p', 'p'],
    ['rejectionPValueAdjusted', '拒接率校正后 p', 'Rejection adj. p', 'p'],
  ],
  agentsToCoach: [
    ['agent', '坐席', 'Agent', 'text'],
    ['answered', '接通数', 'Answered', 'int'],
    ['earlyHangups', '早挂数', 'Early hang-ups', 'int'],
    N_EVIDENCE,
    ['rawRate', '原始挂断率', 'Raw rate', 'pct'],
    ['shrunkRate', '收缩后挂断率', 'Shrunk rate', 'pct'],
    ['shrunkCiLow', '可信区间下限', 'Credible low', 'pct'],
    ['shrunkCiHigh', '可信区间上限', 'Credible high', 'pct'],
    ['teamRate', '团队挂断率', 'Team rate', 'pct'],
    ['probAboveTeam', '高于团队的概率', 'P(above team)', 'prob'],
  ],
};

export function recommendationRows(s: Section<Recommendations>, lang: Lang, d: ReportData): ReportTable[] {
  const t = dict(lang);
  const periodNote = fill(t.recommendationsPeriod, { from: d.recommendationsPeriod.from, to: d.week.days[6]! });
  const metric: Headline = s.status === 'ok' ? s.value.metric : 'hangup';
  const words = AB_RATE_WORDS[metric];
  return REC_KEYS.map((key) => {
    const spec = EVIDENCE[key]
      .filter(([field]) => field !== 'n' || metric === 'hangup')
      .map(([field, zh, en, fmt]): [string, string, string, Fmt] => [
        field,
        ...(metricHeader(field, words) ?? [zh, en]),
        fmt,
      ]);
    const table: ReportTable = {
      id: key,
      name: t.sheetNames[key],
      title: t[key],
      columns: [
        ...spec.map(([, zh, en, fmt]) => ({ header: lang === 'zh' ? zh : en, fmt })),
        { header: t.explanation, fmt: 'text' as const },
      ],
      rows: [],
      note: sectionNote(s, lang) ?? periodNote,
    };
    if (s.status !== 'ok') return table;
    const items = recommendationItems(s.value, key);
    table.rows = items.map((item): CellValue[] => [
      ...spec.map(([field, , , fmt]) => {
        const v = item[field];
        if (field === 'hour') return reportFormat(lang).hours(num(v));
        if (field === 'segment') return valueLabel(lang, 'segment', v as string | null);
        if (field === 'numberTag') return valueLabel(lang, 'number_tag', v as string | null);
        if (fmt === 'pp') return points(num(v));
        return typeof v === 'number' ? num(v) : v == null ? null : String(v);
      }),
      recommendationText(key, item, lang, metric),
    ]);
    if (items.length === 0) table.note = `${periodNote} ${t.noItems}`;
    return table;
  });
}
