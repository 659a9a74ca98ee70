import { abWords } from './ab.ts';
import type { AgentRec, FrequencyCapRec, Headline, NumberRec, WindowRec } from './api-types.ts';
import type { Column } from './columns.ts';
import type { Lang, MessageKey } from './i18n.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Label = (dim: string, value: string | number | null) => string;
const text = (lang: Lang) => (r: { explanation: { zh: string; en: string } }) =>
  lang === 'zh-CN' ? r.explanation.zh : r.explanation.en;

/**
 * The rate ranked (the response's `metric`) and the calls it is over: "Known party" for the
 * hang-up rate, "Answered" for the short-call rate (then the same count as the answered column).
 */
function rateCols<R extends { n: number; hangupRate: number }>(t: T, metric: Headline | undefined): Column<R>[] {
  return [
    ...nCol<R>(t, metric),
    { key: 'hangupRate', label: t(abWords(metric).label), kind: 'pct', value: (r) => r.hangupRate },
  ];
}

/** The calls the ranked rate is over, when they are not the answered column already shown. */
function nCol<R extends { n: number }>(t: T, metric: Headline | undefined): Column<R>[] {
  const den = abWords(metric).den;
  return den === 'metric.answered' ? [] : [{ key: 'n', label: t(den), kind: 'int', value: (r) => r.n }];
}

/** The CSV behind each recommendation list: raw numbers (rates as fractions) and the sentence. */
export const insightColumns = {
  windows: (t: T, label: Label, lang: Lang, metric?: Headline): Column<WindowRec>[] => [
    { key: 'segment', label: t('dim.segment'), kind: 'text', value: (r) => label('segment', r.segment) },
    {
      key: 'kind',
      label: t('ev.kind'),
      kind: 'text',
      value: (r) => t(r.kind === 'best' ? 'insights.best' : 'insights.worst'),
    },
    { key: 'hour', label: t('dim.hour'), kind: 'text', value: (r) => label('hour', r.hour) },
    { key: 'answered', label: t('metric.answered'), kind: 'int', value: (r) => r.answered },
    { key: 'earlyHangups', label: t('metric.earlyHangups'), kind: 'int', value: (r) => r.earlyHangups },
    ...rateCols<WindowRec>(t, metric),
    { key: 'ciLow', label: t('metric.ciLow'), kind: 'pct', value: (r) => r.ciLow },
    { key: 'ciHigh', label: t('metric.ciHigh'), kind: 'pct', value: (r) => r.ciHigh },
    { key: 'segmentRate', label: t('ev.segmentRate'), kind: 'pct', value: (r) => r.segmentRate },
    { key: 'pAdj', label: t('ev.pAdj'), kind: 'p', value: (r) => r.pValueAdjusted },
    { key: 'text', label: t('ev.explanation'), kind: 'text', value: text(lang) },
  ],
  cap: (t: T, lang: Lang, metric?: Headline): Column<FrequencyCapRec>[] => [
    { key: 'capAt', label: t('dim.nth_call_30d'), kind: 'int', value: (r) => r.capAt },
    { key: 'answered', label: t('metric.answered'), kind: 'int', value: (r) => r.answered },
    ...rateCols<FrequencyCapRec>(t, metric),
    { key: 'firstCallRate', label: t('ev.firstCall'), kind: 'pct', value: (r) => r.firstCallRate },
    {
      key: 'firstCallN',
      label: `${t('ev.firstCall')} · ${t(abWords(metric).den)}`,
      kind: 'int',
      value: (r) => r.firstCallN,
    },
    { key: 'diff', label: t('ev.diff'), kind: 'pp', value: (r) => r.diff },
    { key: 'diffCiLow', label: t('ab.diffLow'), kind: 'pp', value: (r) => r.diffCiLow },
    { key: 'diffCiHigh', label: t('ab.diffHigh'), kind: 'pp', value: (r) => r.diffCiHigh },
    { key: 'pAdj', label: t('ev.pAdj'), kind: 'p', value: (r) => r.pValueAdjusted },
    { key: 'text', label: t('ev.explanation'), kind: 'text', value: text(lang) },
  ],
  numbers: (t: T, label: Label, lang: Lang): Column<NumberRec>[] => [
    { key: 'number', label: t('dim.caller_number'), kind: 'text', value: (r) => r.callerNumber },
    { key: 'tag', label: t('dim.number_tag'), kind: 'text', value: (r) => label('number_tag', r.numberTag) },
    { key: 'recentDials', label: t('ev.dials'), kind: 'text', value: (r) => `${r.recentDials} / ${r.priorDials}` },
    { key: 'recentAnswerRate', label: t('ev.recentAnswer'), kind: 'pct', value: (r) => r.recentAnswerRate },
    { key: 'priorAnswerRate', label: t('ev.priorAnswer'), kind: 'pct', value: (r) => r.priorAnswerRate },
    { key: 'recentRejectionRate', label: t('ev.recentReject'), kind: 'pct', value: (r) => r.recentRejectionRate },
    { key: 'priorRejectionRate', label: t('ev.priorReject'), kind: 'pct', value: (r) => r.priorRejectionRate },
    {
      key: 'pAdj',
      label: t('ev.pAdj'),
      kind: 'p',
      value: (r) => Math.min(r.answerPValueAdjusted, r.rejectionPValueAdjusted),
    },
    { key: 'text', label: t('ev.explanation'), kind: 'text', value: text(lang) },
  ],
  agents: (t: T, lang: Lang, metric?: Headline): Column<AgentRec>[] => [
    { key: 'agent', label: t('dim.agent'), kind: 'text', value: (r) => r.agent },
    { key: 'answered', label: t('metric.answered'), kind: 'int', value: (r) => r.answered },
    // The calls the shrunk rate rests on.
    ...nCol<AgentRec>(t, metric),
    {
      key: 'rawRate',
      label: t('ev.raw', { rate: t(abWords(metric).label).toLowerCase() }),
      kind: 'pct',
      value: (r) => r.rawRate,
    },
    {
      key: 'shrunkRate',
      label: t('ev.shrunk', { rate: t(abWords(metric).label).toLowerCase() }),
      kind: 'pct',
      value: (r) => r.shrunkRate,
    },
    { key: 'shrunkCiLow', label: t('metric.shrunkLow'), kind: 'pct', value: (r) => r.shrunkCiLow },
    { key: 'shrunkCiHigh', label: t('metric.shrunkHigh'), kind: 'pct', value: (r) => r.shrunkCiHigh },
    { key: 'teamRate', label: t('ev.team'), kind: 'pct', value: (r) => r.teamRate },
    { key: 'probAboveTeam', label: t('ev.probAbove'), kind: 'prob', value: (r) => r.probAboveTeam },
    { key: 'text', label: t('ev.explanation'), kind: 'text', value: text(lang) },
  ],
};
