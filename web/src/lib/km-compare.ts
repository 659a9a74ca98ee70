import type { Headline, SurvivalPoint } from './api-types.ts';
import type { MessageKey } from './i18n.ts';

const Z_95 = 1.959963984540054;

/** S(t) and its standard error read off the step function (right-continuous, 1 before the first event). */
export function survivalAtWithSe(
  points: readonly SurvivalPoint[],
  t: number,
): { survival: number; se: number; fromBand: boolean } {
  let at: SurvivalPoint | undefined;
  for (const p of points) {
    if (p.t > t) break;
    at = p;
  }
  if (!at) return { survival: 1, se: 0, fromBand: false };
  if (at.standardError != null) return { survival: at.survival, se: at.standardError, fromBand: false };
  // An older server without standardError: the band's width over 2·1.96 (the log-log band is
  // asymmetric, so this is only an approximation of Greenwood's SE).
  const se = at.ciLow != null && at.ciHigh != null ? (at.ciHigh - at.ciLow) / (2 * Z_95) : Number.NaN;
  return { survival: at.survival, se, fromBand: true };
}

export interface SurvivalDifference {
  /** S_arm(t) − S_control(t): the share of callees still on the line past t, arm minus control. */
  diff: number;
  se: number;
  low: number;
  high: number;
  /** True when a standard error came from the band width instead of Greenwood. */
  approximate: boolean;
  /** S(t) of each curve, for the sentence when there is no interval to give. */
  armSurvival: number;
  controlSurvival: number;
}

/**
 * Difference of two independent Kaplan–Meier estimates at t with a normal 95% interval:
 * se = sqrt(se₁² + se₂²) from Greenwood. Crude: the curves are not adjusted for hour or segment.
 */
export function survivalDifference(
  arm: readonly SurvivalPoint[],
  control: readonly SurvivalPoint[],
  t: number,
): SurvivalDifference {
  const a = survivalAtWithSe(arm, t);
  const c = survivalAtWithSe(control, t);
  const diff = a.survival - c.survival;
  const se = Math.sqrt(a.se ** 2 + c.se ** 2);
  return {
    diff,
    se,
    low: diff - Z_95 * se,
    high: diff + Z_95 * se,
    approximate: (a.fromBand || c.fromBand) && Number.isFinite(se), // no "approximated" note for no interval
    armSurvival: a.survival,
    controlSurvival: c.survival,
  };
}

/**
 * The words of the curves shown, per the survival response's `metric` (server/analysis/survival.ts):
 * `hangup` = the callee hanging up, over the answered calls that say who hung up (a call the agent
 * ended counts until then); `short` = the call ending for any reason, over every answered call
 * (the share still talking at t s). An older server sends no metric: its curves were the hang-up ones.
 */
export function kmWords(metric: Headline | undefined): KmWords {
  return metric === 'short'
    ? { note: 'km.note.short', y: 'km.y.short', more: 'km.more.short', fewer: 'km.fewer.short' }
    : { note: 'km.note', y: 'km.y', more: 'km.more', fewer: 'km.fewer' };
}
interface KmWords {
  note: MessageKey;
  /** The y axis, the tooltip's value and the table's column. */
  y: MessageKey;
  /** The sentences comparing a line with the control. */
  more: MessageKey;
  fewer: MessageKey;
}

/** The message and its values for one sentence: "B keeps 4.1 points more callees past 10 s than A (95% CI 2.0 to 6.2 …)". */
export function survivalSentence(
  d: SurvivalDifference,
  names: { arm: string; control: string },
  t: number,
  points: (x: number) => string,
  metric?: Headline,
): { key: MessageKey; vars: Record<string, string | number> } {
  // A curve at 0 by t has no standard error: both shares, and no made-up interval.
  if (!Number.isFinite(d.low) || !Number.isFinite(d.high))
    return {
      key: 'km.noInterval',
      vars: {
        arm: names.arm,
        control: names.control,
        t,
        a: points(d.armSurvival),
        c: points(d.controlSurvival),
      },
    };
  // The interval is told in the sentence's own direction: "fewer (95% CI 2.0 to 6.2)".
  const more = d.diff >= 0;
  const [lo, hi] = more ? [d.low, d.high] : [-d.high, -d.low];
  const words = kmWords(metric);
  return {
    key: more ? words.more : words.fewer,
    vars: { arm: names.arm, control: names.control, t, d: points(Math.abs(d.diff)), low: points(lo), high: points(hi) },
  };
}
