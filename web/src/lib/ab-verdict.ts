import type { AbResult, Verdict, VerdictFrom } from './api-types.ts';

export type { Verdict, VerdictFrom };

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
    return [
      {
        script: a.script,
        verdict: a.verdict ?? 'too_few',
        from: a.verdictFrom ?? null,
        simpson: Boolean(a.simpsonWarning),
      },
    ];
  });
}

/** Good news is green, bad news red; no verdict stays neutral. */
export const verdictTone = (v: Verdict) => (v === 'better' ? 'good' : v === 'worse' ? 'bad' : 'neutral');
