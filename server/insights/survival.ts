import type { Filters } from '../contract/filters.ts';
import { DIMENSION_COLUMNS } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { filterParams } from '../db/filter-params.ts';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import type { Settings } from '../metrics.ts';
import { kaplanMeier, logRankTest, survivalAt, type SurvivalObservation } from '../stats/index.ts';

export const SURVIVAL_GROUPS = ['script', 'segment', 'number_tag', 'agent'] as const;
export type SurvivalGroup = (typeof SURVIVAL_GROUPS)[number];

const num = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Time to hang-up: Kaplan–Meier of talk seconds of answered calls per group (event = callee hung
 * up; every other answered call censored at its talk time), Greenwood / log-log 95% bands, and
 * the k-group log-rank test. SQL returns (time, events, n) per group; rows are expanded to
 * observations for the pure estimator.
 */
export async function survival(db: Database, by: SurvivalGroup, filters: Filters, settings: Settings) {
  const { params, types } = filterParams(filters, settings.earlySeconds);
  const rows = await db.query<{ key: string; t: number; events: number; n: number }>(
    renderIdentifiers(sqlText('survival_times'), { dim: DIMENSION_COLUMNS[by] }), params, types,
  );
  const groups = new Map<string, SurvivalObservation[]>();
  for (const r of rows) {
    let obs = groups.get(r.key);
    if (!obs) groups.set(r.key, (obs = []));
    for (let i = 0; i < r.events; i++) obs.push({ time: r.t, event: true });
    for (let i = r.events; i < r.n; i++) obs.push({ time: r.t, event: false });
  }
  const keys = [...groups.keys()];
  const out = keys.map((key) => {
    const km = kaplanMeier(groups.get(key)!);
    return {
      key, n: km.n, events: km.events, median: km.median,
      at: Object.fromEntries([3, 5, 10, 30].map((t) => [`s${t}`, num(survivalAt(km.points, t))])),
      points: km.points.map((p) => ({ t: p.t, survival: p.survival, ciLow: num(p.ciLow), ciHigh: num(p.ciHigh), atRisk: p.atRisk })),
    };
  });
  const lr = logRankTest(keys.map((k) => groups.get(k)!));
  return { by, groups: out, logRank: { chiSquare: num(lr.statistic), df: lr.df, pValue: num(lr.pValue) } };
}
