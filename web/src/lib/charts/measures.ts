import type { HeatCell, RateRow } from '../api-types.ts';

export type RateMetric = 'hangupRate' | 'connectRate';

/** How a rate is read off a result row: value, interval, numerator and denominator. */
export interface Measure {
  rate(r: HeatCell | RateRow): number | null;
  low(r: HeatCell | RateRow): number | null;
  high(r: HeatCell | RateRow): number | null;
  num(r: HeatCell | RateRow): number;
  den(r: HeatCell | RateRow): number;
}

export const MEASURES: Record<RateMetric, Measure> = {
  // Hang-up rate = early hang-ups / answered (DESIGN.md).
  hangupRate: { rate: (r) => r.hangupRate, low: (r) => r.ciLow, high: (r) => r.ciHigh, num: (r) => r.earlyHangups, den: (r) => r.answered },
  // Connect rate = answered / dials.
  connectRate: {
    rate: (r) => r.connectRate, low: (r) => r.connectRateCiLow, high: (r) => r.connectRateCiHigh,
    num: (r) => r.answered, den: (r) => r.dials,
  },
};
