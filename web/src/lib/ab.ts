import { api } from './api-urls.ts';
import {
  ADJUST_KEYS,
  DEFAULT_ADJUST,
  type AbArm,
  type AbResult,
  type AdjustKey,
  type Filters,
  type Headline,
} from './api-types.ts';
import { METRIC_TEXT, type RateMetric } from './charts/measures.ts';
import { MIN_SAMPLE } from './charts/theme.ts';
import type { MessageKey } from './i18n.ts';
import type { ResourceState } from './resource-state.ts';

export { DEFAULT_ADJUST };

/**
 * The strata from the URL: absent = the default, empty (`adjust=`) = crude only; unknown names
 * are dropped and the order is fixed, so equal choices make equal API URLs (one cache entry).
 */
export function parseAdjust(param: string | null): AdjustKey[] {
  if (param === null) return [...DEFAULT_ADJUST];
  const picked = new Set(param.split(',').map((s) => s.trim()));
  return ADJUST_KEYS.filter((k) => picked.has(k));
}

/** `metric=` on /scripts: hangup or short; anything else = the view's headline (the server picks it). */
export const parseAbMetric = (p: string | null): Headline | undefined =>
  p === 'hangup' || p === 'short' ? p : undefined;

/** The chart metric that shows an A/B rate. */
export const rateMetricOf = (m: Headline): RateMetric => (m === 'short' ? 'shortCallRate' : 'hangupRate');

/** The compared rate's words: its denominator ("Known party" for the hang-up rate, "Answered" for the short-call rate) and its unit. */
export const abWords = (m: Headline | undefined) => METRIC_TEXT[rateMetricOf(m ?? 'hangup')];

/** /api/ab's URL with the compared rate when one is chosen (absent = the server's headline). */
export function abUrl(f: Filters, o: { control?: string; adjust: readonly AdjustKey[]; metric?: Headline }): string {
  const base = api.ab(f, o);
  return o.metric ? `${base}${base.includes('?') ? '&' : '?'}metric=${o.metric}` : base;
}

/** One row of the forest plot: an arm's difference to the control (arm − control, compared rate). */
export interface ForestRow {
  script: string;
  diff: number;
  low: number;
  high: number;
  /** The always-valid confidence sequence at the latest daily look, when asked for. */
  seqLow: number | null;
  seqHigh: number | null;
  /** The arm's calls in the compared rate's denominator (known-party calls for the hang-up rate). */
  answered: number;
  /** The Newcombe interval excludes 0. */
  clear: boolean;
}

export function forestRows(arms: readonly AbArm[]): ForestRow[] {
  return arms.flatMap((a) => {
    if (a.isControl || a.diff == null || a.diffCiLow == null || a.diffCiHigh == null) return [];
    return [
      {
        script: a.script,
        diff: a.diff,
        low: a.diffCiLow,
        high: a.diffCiHigh,
        seqLow: a.sequential?.lower ?? null,
        seqHigh: a.sequential?.upper ?? null,
        answered: a.n,
        clear: a.diffCiLow > 0 || a.diffCiHigh < 0,
      },
    ];
  });
}

/** An arm whose crude and adjusted comparisons point in opposite directions (the API's `simpsonWarning`). */
export interface SimpsonCase {
  script: string;
  /** How the arm looks against the control over all calls. */
  crude: 'worse' | 'better';
  rate: number;
  controlRate: number;
  oddsRatio: number;
  orLow: number;
  orHigh: number;
}

export function simpsonCases(result: AbResult): SimpsonCase[] {
  const control = result.arms.find((a) => a.isControl);
  if (!control || control.rate == null) return [];
  return result.arms.flatMap((a) => {
    if (!a.simpsonWarning || a.rate == null || a.oddsRatio == null || a.orCiLow == null || a.orCiHigh == null)
      return [];
    return [
      {
        script: a.script,
        crude: a.rate > control.rate! ? 'worse' : 'better',
        rate: a.rate,
        controlRate: control.rate!,
        oddsRatio: a.oddsRatio,
        orLow: a.orCiLow,
        orHigh: a.orCiHigh,
      },
    ];
  });
}

/**
 * Whether the test has the answered calls it needs to detect the difference seen so far
 * (α 0.05, power 0.8): both the arm and the control must reach `requiredPerArm`.
 */
export function sampleStatus(
  arm: AbArm,
  control: AbArm | undefined,
): { required: number; have: number; enough: boolean } | null {
  if (arm.isControl || arm.requiredPerArm == null || !control) return null;
  const have = Math.min(arm.n, control.n);
  return { required: arm.requiredPerArm, have, enough: have >= arm.requiredPerArm };
}

/**
 * An arm whose compared rate rests on too few calls in its denominator (known-party calls for the
 * hang-up rate, answered for the short-call rate): greyed as in every other table. The server's
 * own minimum (`minAnswered`, the one below which it gives no verdict) when it sends one.
 */
export const armTooFew = (arm: AbArm, result: Pick<AbResult, 'minAnswered'> | undefined): boolean =>
  arm.n < (result?.minAnswered ?? MIN_SAMPLE);

/** The compared rate over every arm together, drawn as the reference line. */
export function pooledRate(arms: readonly AbArm[]): number | null {
  const n = arms.reduce((s, a) => s + a.n, 0);
  return n ? arms.reduce((s, a) => s + a.events, 0) / n : null;
}

/** "hours", "hours and segments", "hours, segments and number tags" (separators from the messages). */
export function joinWords(words: readonly string[], sep: string, and: string): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(sep)}${and}${words[words.length - 1]}`;
}

/** The strata an analysis adjusts for, in words of the page's language. */
export function strataText(adjust: readonly AdjustKey[] | undefined, t: (key: MessageKey) => string): string {
  return joinWords(
    (adjust ?? []).map((k) => t(`ab.strata.${k}`)),
    t('ab.list'),
    t('ab.and'),
  );
}

/** What each card of the A/B analysis takes: the result (absent while loading) and its Resource. */
export interface AbCardProps {
  result: AbResult | undefined;
  resource: ResourceState;
}
