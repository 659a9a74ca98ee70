/**
 * ADAPTER to issue 4's insight modules, which the lead is writing on main:
 *   server/insights/ab.ts               abAnalysis(db, { filters, campaign?, control?, adjust }, settings)
 *   server/insights/recommendations.ts  recommendations(db, filters, settings)
 * Until they exist the report shows these sections as "not available in this build" — never
 * invented numbers. The modules are loaded by computed specifier so this file compiles before
 * they land; when they are on main, replace `load()` with static imports and drop the local types.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import type { Settings } from '../metrics.ts';

export type Bilingual = { zh: string; en: string };

/** One arm as issue 4's /api/ab returns it (the fields the report reads). */
export interface AbArm {
  script: string;
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
  simpsonWarning?: boolean;
}
export interface AbResult {
  control?: string;
  arms: AbArm[];
  [more: string]: unknown;
}

/** A recommendation item: its own evidence fields plus a one-sentence explanation. */
export type RecommendationItem = Record<string, unknown> & { explanation: Bilingual };
export interface Recommendations {
  windows: RecommendationItem[];
  frequencyCap: RecommendationItem | RecommendationItem[] | null;
  numbersToRest: RecommendationItem[];
  agentsToCoach: RecommendationItem[];
}

export type Section<T> =
  | { status: 'ok'; value: T }
  | { status: 'unavailable'; reason: string }
  | { status: 'error'; reason: string };

type AbModule = {
  abAnalysis: (db: Database, q: { filters: Filters; campaign?: string; control?: string; adjust: ('hour' | 'segment' | 'number_tag')[] }, s: Settings) => Promise<AbResult>;
};
type RecModule = { recommendations: (db: Database, f: Filters, s: Settings) => Promise<Recommendations> };

async function load<T>(url: URL): Promise<T | null> {
  // Absent file = not landed yet; a file that exists but fails to load is a real error.
  if (!existsSync(fileURLToPath(url))) return null;
  return (await import(/* @vite-ignore */ url.href)) as T;
}

const AB_MODULE = new URL('../insights/ab.ts', import.meta.url);
const REC_MODULE = new URL('../insights/recommendations.ts', import.meta.url);
const NOT_YET = 'issue 4 insights are not in this build yet';

async function guarded<T>(run: () => Promise<T | null>): Promise<Section<T>> {
  try {
    const value = await run();
    return value === null ? { status: 'unavailable', reason: NOT_YET } : { status: 'ok', value };
  } catch (err) {
    return { status: 'error', reason: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

/** The A/B verdicts of the week: all arms of the filtered calls, adjusted for hour, segment and number tag. */
export function weeklyAb(db: Database, filters: Filters, settings: Settings): Promise<Section<AbResult>> {
  return guarded(async () => {
    const mod = await load<AbModule>(AB_MODULE);
    if (!mod) return null;
    const campaign = filters.campaign.length === 1 ? filters.campaign[0] : undefined;
    return mod.abAnalysis(db, { filters, campaign, adjust: ['hour', 'segment', 'number_tag'] }, settings);
  });
}

/** Issue 4's recommendations for the given filters (the caller picks the window). */
export function weeklyRecommendations(db: Database, filters: Filters, settings: Settings): Promise<Section<Recommendations>> {
  return guarded(async () => {
    const mod = await load<RecModule>(REC_MODULE);
    return mod ? mod.recommendations(db, filters, settings) : null;
  });
}
