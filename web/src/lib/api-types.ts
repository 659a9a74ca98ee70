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
export interface RateRow {
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
