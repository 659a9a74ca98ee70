import type { AbArm, AbResult } from './api-types.ts';

// /api/ab's verdict fields (server/insights/ab.ts verdictOf). insight-types.ts is replaced by
// the semantic branch's generated types; until it declares these, read them through here.
export type Verdict = 'better' | 'worse' | 'no_evidence' | 'too_few';
export interface VerdictFrom {
  analysis: 'adjusted' | 'crude';
  measure: 'odds_ratio' | 'difference';
  estimate: number | null;
  low: number | null;
  high: number | null;
  pValueAdjusted: number | null;
}
export interface VerdictFields {
  verdict?: Verdict;
  verdictFrom?: VerdictFrom;
  crudeVerdict?: Verdict;
  cmhPValueAdjusted?: number | null;
}
export interface AbResultFields {
  decisionFrom?: 'adjusted' | 'crude';
  minAnswered?: number;
}

export const verdictFields = (a: AbArm) => a as AbArm & VerdictFields;
export const resultFields = (r: AbResult) => r as AbResult & AbResultFields;

/** One row of the verdict panel: a non-control arm with its verdict and the number behind it. */
export interface VerdictRow {
  script: string;
  verdict: Verdict;
  from: VerdictFrom | null;
  /** Crude and adjusted point in opposite directions (the API's Simpson warning). */
  simpson: boolean;
}

export function verdictRows(result: AbResult | undefined): VerdictRow[] {
  return (result?.arms ?? []).flatMap((a) => {
    if (a.isControl) return [];
    const v = verdictFields(a);
    return [{ script: a.script, verdict: v.verdict ?? 'too_few', from: v.verdictFrom ?? null, simpson: Boolean(a.simpsonWarning) }];
  });
}

/** Good news is green, bad news red; no verdict stays neutral. */
export const verdictTone = (v: Verdict) => (v === 'better' ? 'good' : v === 'worse' ? 'bad' : 'neutral');
