/**
 * Response types of the metric routes, derived from the semantic layer's definitions: a count or
 * rate added to server/semantic/measures.ts appears here (and in every response) with no edit.
 * The web app imports these (web/src/lib/api-types.ts re-exports them).
 */
import type { COUNTS, DERIVED_COUNTS, Headline, RATES } from '../semantic/measures.ts';

export type { Headline } from '../semantic/measures.ts';

/** A rate: null when its denominator is 0 (never 0 or NaN). */
export type Rate = number | null;

type Rates = (typeof RATES)[number];
type BoundNames<R> = R extends { bounds: readonly [infer L extends string, infer H extends string] } ? L | H : never;
type AliasNames<R> = R extends { aliases: readonly [infer L extends string, infer H extends string] } ? L | H : never;

/** Every count (dials, answered, knownParty, shortCalls, ...), derived counts included. */
export type CountFields = { [K in (typeof COUNTS)[number]['key'] | (typeof DERIVED_COUNTS)[number]['key']]: number };
/** Every rate, its Wilson bounds (`hangupRateCiLow`, ...) and the older bound names (`ciLow`/`ciHigh`). */
export type RateFields = { [K in Rates['key'] | BoundNames<Rates> | AliasNames<Rates>]: Rate };
/** The metric fields each summary, breakdown row and heatmap cell carries. */
export type MetricFields = CountFields & RateFields;

/** Why the headline is the short-call rate (absent when it is the hang-up rate). */
export interface HeadlineReason {
  /** Share of answered calls whose hang-up party the source does not give. */
  unknownPartyShare: number;
  en: string;
  zh: string;
}

export interface DataWarning {
  code: 'unknown_hangup_party';
  share: number;
  message: string;
  messageZh: string;
}

/** GET /api/summary */
export type Summary = MetricFields & {
  firstDate: string | null;
  lastDate: string | null;
  /** Which rate is the headline: hang-up rate (known party >= 50% of answered) or short-call rate. */
  headline: Headline;
  headlineReason: HeadlineReason | null;
  warnings: DataWarning[];
};

/** Agent and caller-number breakdown rows also carry the empirical-Bayes shrunk rate. */
export interface ShrunkFields {
  shrunkRate?: Rate;
  shrunkCiLow?: Rate;
  shrunkCiHigh?: Rate;
}

/** One row of GET /api/breakdown: the metrics of one value of the grouping dimension. */
export type BreakdownRow = MetricFields & ShrunkFields & { key: string | number | null };
/** The web app's older name for a breakdown row. */
export type RateRow = BreakdownRow;

/** One cell of GET /api/heatmap. */
export type HeatCell = MetricFields & { x: string | number | null; y: string | number | null };

export interface BreakdownResponse {
  by: string;
  rows: BreakdownRow[];
}

export interface HeatmapResponse {
  x: string;
  y: string;
  cells: HeatCell[];
}

export interface DimensionValue {
  value: string;
  calls: number;
}

/** GET /api/dimensions */
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
  scriptTexts?: Record<string, string>;
  scriptCampaigns?: Record<string, string>;
  customerAttributes?: string[];
}

/** GET /api/health */
export interface Health {
  status: 'ok';
  calls: number;
  timezone: string;
  earlySeconds: number;
}
