/**
 * The insights for the weekly report: the A/B verdicts of the week and the
 * recommendations. A failure there shows as a note in its section instead of failing the whole
 * report (the KPIs, drivers and data quality are still worth sending).
 */
import { defaultControl } from '../analysis/control.ts';
import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { DEFAULT_ADJUST, type AbArm as ContractAbArm } from '../contract/insights.ts';
import type { Headline } from '../semantic/measures.ts';
import { abAnalysis } from '../analysis/ab.ts';
import { recommendations } from '../analysis/recommendations.ts';
import type { Settings } from '../metrics.ts';

export type Bilingual = { zh: string; en: string };

/** One arm as /api/ab sends it: the compared rate in `rate` / `events` / `n` (server/contract). */
export type AbArm = ContractAbArm;

/** The words of the compared rate in the report's A/B table (the week's headline metric). */
export const AB_RATE_WORDS: Record<Headline, { rate: Bilingual; events: Bilingual; n: Bilingual }> = {
  hangup: {
    rate: { zh: '挂断率', en: 'Hang-up rate' },
    events: { zh: '早挂数', en: 'Early hang-ups' },
    n: { zh: '挂断方已知的接通数', en: 'Answered, hang-up party known' },
  },
  short: {
    rate: { zh: '短通话占比', en: 'Short-call rate' },
    events: { zh: '短通话数', en: 'Short calls' },
    n: { zh: '接通数', en: 'Answered' },
  },
};

export interface AbView {
  /** The rate compared: the week's headline metric, as /api/summary and /scripts pick it. */
  metric: Headline;
  control: string | null;
  /** Why the control is the control (server/analysis/control.ts): a scripts file marks it, or it has the most answered calls. */
  controlRule: 'marked' | 'most_answered' | null;
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
    // The report still goes out with a note; the stack goes to the log, where a bug can be found.
    console.error('weekly report section failed:', err);
    return { status: 'error', reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

/**
 * The week's A/B/n verdicts over the filtered calls, adjusted as /scripts adjusts by default (DEFAULT_ADJUST),
 * on the week's headline rate (abAnalysis's default: the hang-up rate over the known-party calls,
 * or the short-call rate when most calls do not say who hung up).
 */
export function weeklyAb(db: Database, filters: Filters, settings: Settings): Promise<Section<AbView>> {
  return guarded(async () => {
    const picked = await defaultControl(db, filters, settings); // the control /api/ab picks
    const r = await abAnalysis(db, { filters, control: picked?.script, adjust: [...DEFAULT_ADJUST] }, settings);
    // Verdicts, the Holm-adjusted CMH p and the Bayesian figures come from abAnalysis on the strata
    // /scripts uses by default, so the report and the page agree for the same week and filters.
    const arms = r.arms as AbArm[];
    return {
      metric: r.metric,
      control: r.control ?? null,
      controlRule: picked && r.control === picked.script ? (picked.marked ? 'marked' : 'most_answered') : null,
      correction: 'correction' in r ? r.correction : 'holm',
      arms,
      srmMismatch: 'srm' in r ? Boolean(r.srm.mismatch) : false,
    };
  });
}

/** The recommendations for the given filters (the caller picks the window). */
export function weeklyRecommendations(
  db: Database,
  filters: Filters,
  settings: Settings,
): Promise<Section<Recommendations>> {
  return guarded(() => recommendations(db, filters, settings));
}
