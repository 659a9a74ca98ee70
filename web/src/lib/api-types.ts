// Response shapes of the API (DESIGN.md, queries/*.sql). Rates are null when their denominator is 0.
export type { Dimension, Filters } from '../../../server/contract/filters.ts';

export type Rate = number | null;

export interface Summary {
  dials: number;
  answered: number | null;
  hangups: number | null;
  earlyHangups: number | null;
  rejected: number | null;
  converted: number | null;
  firstDate: string | null;
  lastDate: string | null;
  connectRate: Rate;
  connectRateCiLow: Rate;
  connectRateCiHigh: Rate;
  hangupRate: Rate;
  ciLow: Rate;
  ciHigh: Rate;
  rejectionRate: Rate;
  rejectionRateCiLow: Rate;
  rejectionRateCiHigh: Rate;
  conversionRate: Rate;
  conversionRateCiLow: Rate;
  conversionRateCiHigh: Rate;
}

/** One row of /api/breakdown: the metrics of one value of the grouping dimension. */
export interface RateRow extends ShrunkFields {
  key: string | number | null;
  dials: number;
  answered: number;
  hangups: number;
  earlyHangups: number;
  rejected: number;
  converted: number;
  connectRate: Rate;
  connectRateCiLow: Rate;
  connectRateCiHigh: Rate;
  hangupRate: Rate;
  ciLow: Rate;
  ciHigh: Rate;
  rejectionRate: Rate;
  conversionRate: Rate;
}

/** One cell of /api/heatmap. */
export interface HeatCell {
  x: string | number | null;
  y: string | number | null;
  dials: number;
  answered: number;
  earlyHangups: number;
  rejected: number;
  connectRate: Rate;
  connectRateCiLow: Rate;
  connectRateCiHigh: Rate;
  hangupRate: Rate;
  ciLow: Rate;
  ciHigh: Rate;
  rejectionRate: Rate;
}

export interface DimensionValue {
  value: string;
  calls: number;
}

export interface Dimensions {
  campaign: DimensionValue[];
  script: DimensionValue[];
  segment: DimensionValue[];
  numberTag: DimensionValue[];
  agent: DimensionValue[];
  ageBand: DimensionValue[];
  callerNumber: DimensionValue[];
  firstDate: string | null;
  lastDate: string | null;
  calls: number;
}

export interface Health {
  status: 'ok';
  calls: number;
  timezone: string;
  earlySeconds: number;
}

export interface Ingest {
  ingestId: number;
  fileName: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'repeated' | 'failed';
  message: string | null;
  rowsRead: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  rejectsFile: string | null;
  extraColumns: string | null;
  startedAt: string;
  durationMs: number;
}

/** Strata the A/B comparison can adjust for (server/insights/ab.ts ADJUST_KEYS). */
export const ADJUST_KEYS = ['hour', 'segment', 'number_tag'] as const;
export type AdjustKey = (typeof ADJUST_KEYS)[number];

/** Per arm of /api/ab; comparison fields are absent on the control, adjusted ones without `adjust`. */
export interface AbArm {
  script: string;
  isControl: boolean;
  dials: number;
  answered: number;
  earlyHangups: number;
  hangupRate: Rate;
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
  sequential?: { method: string; tau2: number; alpha: number; looks: number; pValue: Rate; lower: Rate; upper: Rate; significant: boolean } | null;
}

export interface TestStat {
  statistic: Rate;
  df: number;
  pValue: Rate;
}

export interface AbResult {
  control: string | null;
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
  hangupRate: number;
  firstCallRate: number;
  diff: number;
  diffCiLow: number;
  diffCiHigh: number;
  pValue: number;
  pValueAdjusted: number;
}

export interface NumberRec extends Explained {
  callerNumber: string;
  numberTag: string | null;
  recentDials: number;
  recentAnswered: number;
  recentRejected: number;
  priorDials: number;
  priorAnswered: number;
  priorRejected: number;
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
  rawRate: number;
  shrunkRate: number;
  shrunkCiLow: number;
  shrunkCiHigh: number;
  probAboveTeam: number;
  teamRate: number;
}

export interface Recommendations {
  windows: WindowRec[];
  frequencyCap: FrequencyCapRec | null;
  numbersToRest: NumberRec[];
  agentsToCoach: AgentRec[];
}

/** Agent and caller-number breakdown rows also carry the empirical-Bayes shrunk rate. */
export interface ShrunkFields {
  shrunkRate?: Rate;
  shrunkCiLow?: Rate;
  shrunkCiHigh?: Rate;
}
