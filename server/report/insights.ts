/**
 * Issue 4's insights for the weekly report: the A/B verdicts of the week and the
 * recommendations. A failure there shows as a note in its section instead of failing the whole
 * report (the KPIs, drivers and data quality are still worth sending).
 */
import { defaultControl } from '../insights/control.ts';
import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { abAnalysis, type Verdict } from '../insights/ab.ts';
import { recommendations } from '../insights/recommendations.ts';
import type { Settings } from '../metrics.ts';

export type Bilingual = { zh: string; en: string };

/**
 * One arm as the report reads it. abAnalysis types its non-control arms as open records (their
 * fields depend on `adjust`), so the report names the fields it uses here.
 */
export interface AbArm {
  script: string;
  isControl: boolean;
  dials: number;
  answered: number;
  earlyHangups: number;
  hangupRate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  diff?: number | null;
  diffCiLow?: number | null;
  diffCiHigh?: number | null;
  pValue?: number | null;
  pValueAdjusted?: number | null;
  chanceToBeatControl?: number | null;
  oddsRatio?: number | null;
  orCiLow?: number | null;
  orCiHigh?: number | null;
  standardisedRate?: number | null;
  cmhPValue?: number | null;
  /** Holm-adjusted across the arms, like the crude pValueAdjusted (computed here). */
  cmhPValueAdjusted?: number | null;
  simpsonWarning?: boolean;
  /** server/insights/ab.ts verdictOf: from the adjusted analysis when strata were used. */
  verdict?: Verdict;
  verdictFrom?: { analysis: 'adjusted' | 'crude'; measure: 'odds_ratio' | 'difference'; estimate: number | null; low: number | null; high: number | null; pValueAdjusted: number | null };
  crudeVerdict?: Verdict;
}

export interface AbView {
  control: string | null;
  correction: string;
  arms: AbArm[];
  srmMismatch: boolean;
}

export type Recommendations = Awaited<ReturnType<typeof recommendations>>;

export type Section<T> = { status: 'ok'; value: T } | { status: 'error'; reason: string };

async function guarded<T>(run: () => Promise<T>): Promise<Section<T>> {
  try {
    return { status: 'ok', value: await run() };
  } catch (err) {
    return { status: 'error', reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

export const AB_ADJUST = ['hour', 'segment', 'number_tag'] as const;

/** The week's A/B/n verdicts over the filtered calls, adjusted for hour, segment and number tag. */
export function weeklyAb(db: Database, filters: Filters, settings: Settings): Promise<Section<AbView>> {
  return guarded(async () => {
    const control = (await defaultControl(db, filters, settings)) ?? undefined; // issue 11: the control /api/ab picks
    const r = await abAnalysis(db, { filters, control, adjust: [...AB_ADJUST] }, settings);
    // Verdicts, the Holm-adjusted CMH p and the Bayesian figures come from abAnalysis, adjusted
    // the same way as /scripts by default, so the report and the page cannot disagree.
    const arms = r.arms as AbArm[];
    return {
      control: r.control ?? null,
      correction: 'correction' in r ? r.correction : 'holm',
      arms,
      srmMismatch: 'srm' in r ? Boolean(r.srm.mismatch) : false,
    };
  });
}

/** Issue 4's recommendations for the given filters (the caller picks the window). */
export function weeklyRecommendations(db: Database, filters: Filters, settings: Settings): Promise<Section<Recommendations>> {
  return guarded(() => recommendations(db, filters, settings));
}
