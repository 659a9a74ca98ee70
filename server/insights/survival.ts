import type { Filters } from '../contract/filters.ts';
import type { SurvivalResult } from '../contract/insights.ts';
import { queryStoreOf, type QueryStore } from '../db/query-store.ts';
import type { Database } from '../db/database.ts';
import { summary, type Settings } from '../metrics.ts';
import { type Dialect } from '../semantic/dialect.ts';
import { DIMENSIONS } from '../semantic/dimensions.ts';
import type { Headline } from '../semantic/measures.ts';
import { whereOf } from '../semantic/sql.ts';
import { kaplanMeierFromCounts, logRankFromCounts, survivalAt, type SurvivalCount } from '../stats/index.ts';

export const SURVIVAL_GROUPS = ['script', 'segment', 'number_tag', 'agent'] as const;
export type SurvivalGroup = (typeof SURVIVAL_GROUPS)[number];

const num = (x: number) => (Number.isFinite(x) ? x : null);

/**
 * Talk seconds per group as (key, t, events, n) counts. `hangup`: answered calls whose hang-up
 * party is known (unknown ones are neither event nor censored, as in the hang-up rate), event =
 * the callee hung up. `short`: every answered call, event = the call ended (the curve behind the
 * short-call rate: S(T) = share of calls still talking at T seconds).
 */
export function survivalSql(
  dl: Dialect,
  by: SurvivalGroup,
  metric: Headline,
  filters: Filters,
  calls: QueryStore['calls'] = { from: 'calls', where: [] },
) {
  const { where, params } = whereOf(dl, filters);
  const col = dl.ident(DIMENSIONS[by].column);
  const key = `coalesce(${dl.toText(col)}, '(none)')`;
  const rows = metric === 'hangup' ? dl.ident('is_known_party') : dl.ident('is_answered');
  const events = metric === 'hangup' ? dl.countIf(dl.ident('is_callee_hangup')) : dl.countAll();
  const sql = `SELECT ${key} AS ${dl.ident('key')}, talk_seconds AS ${dl.ident('t')}, ${events} AS ${dl.ident('events')}, ${dl.countAll()} AS ${dl.ident('n')}
FROM ${calls.from}
WHERE ${[...calls.where, rows, ...where].join('\n  AND ')}
GROUP BY ${key}, talk_seconds`;
  return { sql, params };
}

/**
 * Time to hang-up: Kaplan–Meier of talk seconds of answered calls per group, Greenwood / log-log
 * 95% bands and the k-group log-rank test, all from counts per (group, second): the work grows
 * with distinct talk times, not with calls. `metric` defaults to the view's headline metric.
 */
export async function survival(
  db: Database,
  by: SurvivalGroup,
  filters: Filters,
  settings: Settings,
  metric?: Headline,
): Promise<SurvivalResult> {
  const m = metric ?? (await summary(db, filters, settings)).headline;
  const store = queryStoreOf(db); // hook: DuckDB or ClickHouse (server/db/query-store.ts)
  const { sql, params } = survivalSql(store.dialect, by, m, filters, store.calls);
  const rows = await store.run<{ key: string; t: number; events: number; n: number }>(sql, params);
  const groups = new Map<string, SurvivalCount[]>();
  for (const r of rows) {
    let counts = groups.get(r.key);
    if (!counts) groups.set(r.key, (counts = []));
    counts.push({ time: r.t, events: r.events, n: r.n });
  }
  const keys = [...groups.keys()].sort();
  const out = keys.map((key) => {
    const km = kaplanMeierFromCounts(groups.get(key)!);
    return {
      key,
      n: km.n,
      events: km.events,
      median: km.median,
      at: Object.fromEntries(
        [3, 5, 10, 30].map((t) => [`s${t}`, num(survivalAt(km.points, t))]),
      ) as SurvivalResult['groups'][number]['at'],
      // standardError (Greenwood) lets a client compare two curves at a time: the log-log band is
      // asymmetric, so its width is only a rough stand-in for the SE.
      points: km.points.map((p) => ({
        t: p.t,
        survival: p.survival,
        standardError: num(p.standardError),
        ciLow: num(p.ciLow),
        ciHigh: num(p.ciHigh),
        atRisk: p.atRisk,
      })),
    };
  });
  const lr = logRankFromCounts(keys.map((k) => groups.get(k)!));
  return { by, metric: m, groups: out, logRank: { chiSquare: num(lr.statistic), df: lr.df, pValue: num(lr.pValue) } };
}
