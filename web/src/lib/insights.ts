import { relabel } from '../../../server/contract/labels.ts';
import { agentText, capText, numberText, windowText } from '../../../server/contract/rec-text.ts';
import type { AgentRec, FrequencyCapRec, Headline, NumberRec, WindowRec } from './api-types.ts';
import { abWords } from './ab.ts';
import { MIN_SAMPLE } from './charts/theme.ts';
import { VIEW_KEYS } from './filters.ts';
import type { Format } from './format.ts';
import type { Lang, MessageKey } from './i18n.ts';

/**
 * The page behind a recommendation (`link` from the API, e.g. "/when?segment=white_collar")
 * with the current view's filters and language kept. The link's own parameters win: they name
 * what backs the finding.
 */
export function linkWithView(link: string, current: URLSearchParams): string {
  const [path, query = ''] = link.split('?', 2) as [string, string?];
  const own = new URLSearchParams(query);
  const next = new URLSearchParams();
  for (const [k, v] of current) {
    if (VIEW_KEYS.includes(k) && !own.has(k)) next.append(k, v);
  }
  for (const [k, v] of own) next.append(k, v);
  const q = next.toString();
  return q ? `${path}?${q}` : path;
}

/**
 * The API's explanation in the page's language. The server writes stored values as they are
 * ("white_collar"); the dashboard swaps in their labels ("白领") for the values the item names.
 */
export function explain(
  item: { explanation: { zh: string; en: string } },
  lang: Lang,
  values: readonly { raw: string | null | undefined; label: string }[] = [],
): string {
  return relabel(lang === 'zh-CN' ? item.explanation.zh : item.explanation.en, values);
}

/** What a page needs to turn recommendations into text: the language's translator and formats. */
export interface RecContext {
  lang: Lang;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  fmt: Format;
  label: (dim: string, value: string | number | null) => string;
  /** The current query, whose filters and language the links keep. */
  params: URLSearchParams;
  /** The rate the recommendations rank by (`metric` of the response; absent = the hang-up rate). */
  metric?: Headline;
}

/** The ranked rate's name and the name of the calls it is over ("Known party" for the hang-up rate). */
function words(c: RecContext) {
  const w = abWords(c.metric);
  return { rate: c.t(w.label), calls: c.t(w.den) };
}

/** One recommendation as shown: its sentence, its evidence as label/value pairs, the link behind it. */
export interface RecItem {
  id: string;
  /** A heading the item sits under (the segment, for call windows). */
  group?: string;
  badge?: { text: string; good: boolean };
  text: string;
  /** Label/value pairs; `muted`: a rate on too few calls, greyed as in the tables. */
  evidence: { label: string; value: string; muted?: boolean }[];
  href: string;
  /** Strength of the evidence for "top 3" (lower = stronger: an adjusted p, or minus a probability). */
  rank: number;
}

export function windowItems(rows: readonly WindowRec[], c: RecContext): RecItem[] {
  const { t, fmt } = c;
  // By segment, then in hour order: a day reads from morning to evening.
  const ordered = [...rows].sort(
    (a, b) => c.label('segment', a.segment).localeCompare(c.label('segment', b.segment), c.lang) || a.hour - b.hour,
  );
  return ordered.map((w) => {
    const segment = c.label('segment', w.segment);
    return {
      id: `${w.segment}-${w.hour}`,
      group: segment,
      badge: {
        text: `${t(w.kind === 'best' ? 'insights.best' : 'insights.worst')} ${fmt.hours(w.hour)}`,
        good: w.kind === 'best',
      },
      text: windowText(w, c.lang, c.metric),
      evidence: [
        { label: words(c).rate, value: `${fmt.pct(w.hangupRate)} (${fmt.interval(w.ciLow, w.ciHigh)})` },
        { label: words(c).calls, value: fmt.int(w.n) },
        { label: t('ev.segmentRate'), value: fmt.pct(w.segmentRate) },
        { label: t('ev.pAdj'), value: fmt.p(w.pValueAdjusted) },
      ],
      href: linkWithView(w.link, c.params),
      rank: w.pValueAdjusted ?? 1,
    };
  });
}

export function capItems(cap: FrequencyCapRec | null, c: RecContext): RecItem[] {
  if (!cap) return [];
  const { t, fmt } = c;
  return [
    {
      id: `cap-${cap.capAt}`,
      text: capText(cap, c.lang, c.metric),
      evidence: [
        {
          label: t('ev.callN', { n: cap.capAt }),
          value: `${fmt.pct(cap.hangupRate)} · ${words(c).calls} ${fmt.int(cap.n)}`,
        },
        {
          label: t('ev.firstCall'),
          value: `${fmt.pct(cap.firstCallRate)} · ${words(c).calls} ${fmt.int(cap.firstCallN)}`,
        },
        { label: t('ev.diff'), value: `${fmt.pp(cap.diff)} (${fmt.pp(cap.diffCiLow)} – ${fmt.pp(cap.diffCiHigh)})` },
        { label: t('ev.pAdj'), value: fmt.p(cap.pValueAdjusted) },
      ],
      href: linkWithView(cap.link, c.params),
      rank: cap.pValueAdjusted ?? 1,
    },
  ];
}

export function numberItems(rows: readonly NumberRec[], c: RecContext): RecItem[] {
  const { t, fmt } = c;
  const span = (recent: number, prior: number) => `${fmt.pct(recent)} (${t('ev.was', { v: fmt.pct(prior) })})`;
  return rows.map((n) => ({
    id: n.callerNumber,
    text: numberText(n, c.lang),
    badge: n.numberTag ? { text: c.label('number_tag', n.numberTag), good: false } : undefined,
    evidence: [
      { label: t('ev.recentAnswer'), value: span(n.recentAnswerRate, n.priorAnswerRate) },
      { label: t('ev.recentReject'), value: span(n.recentRejectionRate, n.priorRejectionRate) },
      { label: t('ev.dials'), value: `${fmt.int(n.recentDials)} / ${fmt.int(n.priorDials)}` },
      { label: t('ev.pAdj'), value: fmt.p(Math.min(n.answerPValueAdjusted, n.rejectionPValueAdjusted)) },
    ],
    href: linkWithView(n.link, c.params),
    rank: Math.min(n.answerPValueAdjusted, n.rejectionPValueAdjusted),
  }));
}

export function agentItems(rows: readonly AgentRec[], c: RecContext): RecItem[] {
  const { t, fmt } = c;
  return rows.map((a) => ({
    id: a.agent,
    text: agentText(a, c.lang, c.metric),
    evidence: [
      // Named after the rate ranked: "Shrunk short-call rate" / 收缩后短通话占比, not a hang-up rate.
      {
        label: t('ev.shrunk', { rate: words(c).rate.toLowerCase() }),
        value: `${fmt.pct(a.shrunkRate)} (${fmt.interval(a.shrunkCiLow, a.shrunkCiHigh)})`,
      },
      // The raw rate on too few calls is greyed as in the agents table; the shrunk one is what reads it.
      { label: t('ev.raw', { rate: words(c).rate.toLowerCase() }), value: fmt.pct(a.rawRate), muted: a.n < MIN_SAMPLE },
      { label: words(c).calls, value: fmt.int(a.n) },
      { label: t('ev.team'), value: fmt.pct(a.teamRate) },
      { label: t('ev.probAbove'), value: fmt.prob(a.probAboveTeam) },
    ],
    href: linkWithView(a.link, c.params),
    rank: -a.probAboveTeam,
  }));
}

/**
 * The `n` strongest items, kept in the list's own order (segment, hour). A list in groups (call
 * windows per segment) leads with each group's strongest item, so it may keep more than `n`: the
 * three strongest windows of one segment answered "when to call each segment" for that one alone.
 */
export function topItems(items: readonly RecItem[], n: number): RecItem[] {
  if (items.length <= n) return [...items];
  const ranked = [...items].sort((a, b) => a.rank - b.rank);
  const groups = new Set<string>();
  const lead = ranked.filter((i) => i.group !== undefined && !groups.has(i.group) && groups.add(i.group));
  const rest = ranked.filter((i) => !lead.includes(i));
  const keep = new Set([...lead, ...rest].slice(0, Math.max(n, lead.length)).map((i) => i.id));
  return items.filter((i) => keep.has(i.id));
}
