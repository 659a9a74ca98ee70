import type { HeatCell, RateRow } from '../../web/src/lib/api-types.ts';

/** A heatmap cell with rates computed from its counts (Wilson bounds are not needed here). */
export function cell(x: number | string, y: number | string, dials: number, answered: number, early: number): HeatCell {
  return {
    x,
    y,
    dials,
    answered,
    earlyHangups: early,
    rejected: 0,
    hangups: early,
    converted: 0,
    machineAnswered: 0,
    knownParty: answered,
    unknownParty: 0,
    shortCalls: early,
    connectRate: dials ? answered / dials : null,
    connectRateCiLow: dials ? answered / dials - 0.01 : null,
    connectRateCiHigh: dials ? answered / dials + 0.01 : null,
    hangupRate: answered ? early / answered : null,
    ciLow: answered ? early / answered - 0.02 : null,
    ciHigh: answered ? early / answered + 0.02 : null,
    hangupRateCiLow: answered ? early / answered - 0.02 : null,
    hangupRateCiHigh: answered ? early / answered + 0.02 : null,
    shortCallRate: answered ? early / answered : null,
    shortCallRateCiLow: answered ? early / answered - 0.02 : null,
    shortCallRateCiHigh: answered ? early / answered + 0.02 : null,
    rejectionRate: 0,
    rejectionRateCiLow: 0,
    rejectionRateCiHigh: 0,
    conversionRate: 0,
    conversionRateCiLow: 0,
    conversionRateCiHigh: 0,
    unknownPartyShare: answered ? 0 : null,
  };
}

export function row(key: string | number, dials: number, answered: number, early: number): RateRow {
  const c = cell(key, 0, dials, answered, early);
  return { ...c, key };
}

export const pct = (r: number | null, digits = 1) => (r === null ? '–' : `${(r * 100).toFixed(digits)}%`);
export const int = (n: number) => String(n);
