import type { Filters } from '../contract/filters.ts';
import type { SurvivalResult } from '../contract/insights.ts';
import { queryStoreOf, type QueryStore } from '../db/query-store.ts';
import type { Database } from '../db/database.ts';
import { plannerState, summary, type Settings } from '../metrics.ts';
import { planSource } from '../semantic/planner.ts';
import { type Dialect } from '../semantic/dialect.ts';
import { DIMENSIONS } from '../semantic/dimensions.ts';
import type { Headline } from '../semantic/measures.ts';
import { whereOf } from '../semantic/sql.ts';
import { kaplanMeierFromCounts, logRankFromCounts, survivalAt, type SurvivalCount } from '../stats/index.ts';

export const SURVIVAL_GROUPS = ['script', 'segment', 'number_tag', 'agent'] as const;
export type SurvivalGroup = (typeof SURVIVAL_GROUPS)[number];

const num = (x: number) => (Number.isFinite(x) ? x : null);

/** Where survival counts come from: the calls (with the store's own conditions) or a rollup table. */
export type SurvivalSource = { kind: 'base'; calls: QueryStore['calls'] } | { kind: 'rollup'; from: string };

/**
 * Talk seconds of answered calls per group as (key, t, knownParty, calleeHangups, answeredCalls) counts,
 * (aliases apart from the rollup's column names: ClickHouse resolves a name to its alias first),
 * both metrics' inputs at once (so the query need not wait for the headline): `hangup` reads
 * answered calls whose hang-up party is known (unknown ones are neither event nor censored, as in
 * the hang-up rate), event = the callee hung up; `short` reads every answered call, event = the
 * call ended (the curve behind the short-call rate: S(T) = share of calls still talking at T s).
 * From a rollup holding talk_seconds the counts are sums; seconds without answered calls are left
 * out, as the base query leaves them. Calls without a value of the grouping are left out.
 */
export function survivalSql(
  dl: Dialect,
  by: SurvivalGroup,
  filters: Filters,
  source: SurvivalSource = { kind: 'base', calls: { from: 'calls', where: [] } },
) {
  const { where, params } = whereOf(dl, filters);
  const col = dl.ident(DIMENSIONS[by].column);
  const key = dl.toText(col);
  const rollup = source.kind === 'rollup';
  const count = (flag: string, rollupColumn: string) =>
    rollup ? dl.sumCount(dl.ident(rollupColumn)) : flag ? dl.countIf(dl.ident(flag)) : dl.countAll();
  const answered = count('', 'answered');
  // The curves compare the groups a call is known to belong to: calls without a script (or
  // segment, tag, agent) are no group, as the A/B leaves them out (a '(none)' curve of a
  // handful of calls read as one more opening line, and counted in the log-rank test).
  const known = `${col} IS NOT NULL`;
  const conditions = rollup ? [known, ...where] : [...source.calls.where, dl.ident('is_answered'), known, ...where];
  const whereSql = conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : '';
  const sql = `SELECT ${key} AS ${dl.ident('key')}, talk_seconds AS ${dl.ident('t')}, ${count('is_known_party', 'known_party')} AS ${dl.ident('knownParty')}, ${count('is_callee_hangup', 'hangups')} AS ${dl.ident('calleeHangups')}, ${answered} AS ${dl.ident('answeredCalls')}
FROM ${rollup ? source.from : source.calls.from}${whereSql}
GROUP BY ${key}, talk_seconds${rollup ? `\nHAVING ${answered} > 0` : ''}`;
  return { sql, params };
}

interface SurvivalRow {
  key: string;
  t: number;
  knownParty: number;
  calleeHangups: number;
  answeredCalls: number;
}

/** The survival counts of a request, from the smallest rollup holding talk_seconds and its columns, else calls. */
async function survivalCounts(db: Database, by: SurvivalGroup, filters: Filters): Promise<SurvivalRow[]> {
  const store = queryStoreOf(db); // hook: DuckDB or ClickHouse (server/db/query-store.ts)
  const state = await (store.plannerState?.() ?? plannerState(db));
  // These counts (known party, callee hang-ups, answered) do not depend on T: any stored T will do.
  const planned = planSource(
    store.dialect,
    { groupColumns: [DIMENSIONS[by].column, 'talk_seconds'], filters, earlySeconds: state.flagsT ?? Number.NaN },
    state,
  );
  const source: SurvivalSource =
    planned.kind === 'rollup'
      ? { kind: 'rollup', from: store.rollupFrom?.(planned.from) ?? planned.from } // hook: ClickHouse rollups
      : { kind: 'base', calls: store.calls };
  const { sql, params } = survivalSql(store.dialect, by, filters, source);
  return store.run<SurvivalRow>(sql, params);
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
  const [m, rows] = await Promise.all([
    metric ?? summary(db, filters, settings).then((x) => x.headline),
    survivalCounts(db, by, filters),
  ]);
  const groups = new Map<string, SurvivalCount[]>();
  for (const r of rows) {
    const [events, n] =
      m === 'hangup'
        ? [Number(r.calleeHangups), Number(r.knownParty)]
        : [Number(r.answeredCalls), Number(r.answeredCalls)];
    if (n === 0) continue;
    let counts = groups.get(r.key);
    if (!counts) groups.set(r.key, (counts = []));
    counts.push({ time: Number(r.t), events, n });
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
