// Response shapes of the statistics routes (server/analysis/*.ts, README "Statistics routes").
// The web app imports them through web/src/lib/insight-types.ts.
import type { Headline } from '../semantic/measures.ts';

type Rate = number | null;

/** Strata the A/B comparison can adjust for (server/analysis/ab.ts ADJUST_KEYS). */
export const ADJUST_KEYS = ['hour', 'segment', 'number_tag'] as const;
export type AdjustKey = (typeof ADJUST_KEYS)[number];
/**
 * What /scripts adjusts for without an `adjust` parameter, and what the weekly report adjusts for:
 * the two confounders every dialer has. One list, so a manager's report and a marketing lead's page
 * give the same verdicts and numbers for the same week.
 */
export const DEFAULT_ADJUST: readonly AdjustKey[] = ['hour', 'segment'];

/** One arm against the control (server/analysis/ab.ts verdictOf). */
export type Verdict = 'better' | 'worse' | 'no_evidence' | 'too_few';
export type Analysis = 'adjusted' | 'crude';
/** The analysis a verdict comes from and the number that decides it. */
export interface VerdictFrom {
  analysis: Analysis;
  measure: 'odds_ratio' | 'difference';
  estimate: Rate;
  low: Rate;
  high: Rate;
  pValueAdjusted: Rate;
}

/**
 * Per arm of /api/ab; comparison fields are absent on the control, adjusted ones without `adjust`.
 * Every statistic reads the compared rate (AbResult.metric): `events` / `n`, `rate`, `ciLow` / `ciHigh`.
 */
export interface AbArm {
  script: string;
  isControl: boolean;
  dials: number;
  answered: number;
  /** Answered calls whose hang-up party is known: the hang-up rate's denominator. */
  knownParty: number;
  earlyHangups: number;
  shortCalls: number;
  hangupRate: Rate;
  hangupRateCiLow: Rate;
  hangupRateCiHigh: Rate;
  shortCallRate: Rate;
  shortCallRateCiLow: Rate;
  shortCallRateCiHigh: Rate;
  /** The compared rate's numerator and denominator (early hang-ups / known party, or short calls / answered). */
  events: number;
  n: number;
  rate: Rate;
  ciLow: Rate;
  ciHigh: Rate;
  probBest: Rate;
  diff?: Rate;
  diffCiLow?: Rate;
  diffCiHigh?: Rate;
  pValue?: Rate;
  pValueAdjusted?: Rate;
  chanceToBeatControl?: Rate;
  expectedLoss?: Rate;
  requiredPerArm?: number | null;
  oddsRatio?: Rate;
  orCiLow?: Rate;
  orCiHigh?: Rate;
  cmhChiSquare?: Rate;
  cmhPValue?: Rate;
  breslowDay?: { chiSquare: Rate; df: number; pValue: Rate };
  strataUsed?: number;
  strataSkipped?: number;
  standardisedRate?: Rate;
  standardisedCoverage?: number;
  simpsonWarning?: boolean;
  cmhPValueAdjusted?: Rate;
  verdict?: Verdict;
  verdictFrom?: VerdictFrom;
  crudeVerdict?: Verdict;
  sequential?: {
    method: string;
    tau2: number;
    alpha: number;
    looks: number;
    pValue: Rate;
    lower: Rate;
    upper: Rate;
    significant: boolean;
  } | null;
}

export interface TestStat {
  statistic: Rate;
  df: number;
  pValue: Rate;
}

export interface AbResult {
  /** The rate compared: the view's headline unless `metric=` asked for one. */
  metric: Headline;
  outcome?: string;
  control: string | null;
  /** The analysis behind the decision numbers (chance to beat, expected loss, calls needed). */
  decisionFrom?: Analysis;
  /** Fewest calls in the compared rate's denominator, per arm and control, for a verdict. */
  minAnswered?: number;
  correction?: 'holm' | 'bh';
  adjust?: AdjustKey[];
  arms: AbArm[];
  chiSquare?: TestStat;
  srm?: { chiSquare: Rate; df: number; pValue: Rate; mismatch: boolean; intendedSplit: string };
  generalizedCmh?: { chiSquare: Rate; df: number; pValue: Rate };
  strata?: number;
  sequentialMethod?: string;
  message?: string;
}

export interface SurvivalPoint {
  t: number;
  survival: number;
  /** Greenwood standard error; null once survival reaches 0. */
  standardError?: Rate;
  ciLow: Rate;
  ciHigh: Rate;
  atRisk: number;
}

export interface SurvivalGroup {
  key: string;
  n: number;
  events: number;
  median: number | null;
  at: { s3: Rate; s5: Rate; s10: Rate; s30: Rate };
  points: SurvivalPoint[];
}

export interface SurvivalResult {
  by: string;
  /** The event: `hangup` = the callee hung up (known-party calls only), `short` = the call ended (any party). */
  metric?: Headline;
  groups: SurvivalGroup[];
  logRank: { chiSquare: Rate; df: number; pValue: Rate };
}

export interface Explained {
  link: string;
  explanation: { zh: string; en: string };
}

export interface WindowRec extends Explained {
  kind: 'best' | 'worst';
  segment: string;
  hour: number;
  answered: number;
  earlyHangups: number;
  /**
   * Denominator and events of the rate used (metric of Recommendations): known-party calls and
   * early hang-ups for the hang-up rate, answered and short calls for the short-call rate.
   * `hangupRate` and its bounds hold that rate.
   */
  n: number;
  events: number;
  hangupRate: number;
  ciLow: number;
  ciHigh: number;
  segmentRate: number;
  pValue: number;
  pValueAdjusted: number;
}

export interface FrequencyCapRec extends Explained {
  capAt: number;
  answered: number;
  earlyHangups: number;
  /** Denominator and events of the rate used at call #capAt (as in WindowRec). */
  n: number;
  events: number;
  hangupRate: number;
  firstCallRate: number;
  /** Denominator and events of the first call's rate, so its size shows beside it. */
  firstCallN: number;
  firstCallEvents: number;
  diff: number;
  diffCiLow: number;
  diffCiHigh: number;
  pValue: number;
  pValueAdjusted: number;
}

/** One caller number's dials, answers and rejections in the last 7 days of the data and the 21 before. */
export interface NumberTrend {
  callerNumber: string;
  /** The number's tag on its latest day. */
  numberTag: string | null;
  lastDate: string;
  recentDials: number;
  recentAnswered: number;
  recentRejected: number;
  priorDials: number;
  priorAnswered: number;
  priorRejected: number;
}

export interface NumberRec extends Explained, NumberTrend {
  recentAnswerRate: number;
  priorAnswerRate: number;
  recentRejectionRate: number;
  priorRejectionRate: number;
  answerPValueAdjusted: number;
  rejectionPValueAdjusted: number;
}

export interface AgentRec extends Explained {
  agent: string;
  answered: number;
  earlyHangups: number;
  /** Denominator and events of the rate used (as in WindowRec): the calls the shrunk rate rests on. */
  n: number;
  events: number;
  rawRate: number;
  shrunkRate: number;
  shrunkCiLow: number;
  shrunkCiHigh: number;
  probAboveTeam: number;
  teamRate: number;
}

export interface Recommendations {
  /** The rate the recommendations rank by: the headline metric of the filtered calls. */
  metric?: Headline;
  windows: WindowRec[];
  frequencyCap: FrequencyCapRec | null;
  numbersToRest: NumberRec[];
  agentsToCoach: AgentRec[];
}
