import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dimension, Filters } from '../../server/contract/filters.ts';
import { rebuildRollups } from '../../server/db/derived.ts';
import { sqlText } from '../../server/db/sql-files.ts';
import { deleteIngest } from '../../server/ingest/delete-ingest.ts';
import { survival, SURVIVAL_GROUPS } from '../../server/analysis/survival.ts';
import { breakdown, heatmap, plannerState, summary } from '../../server/metrics.ts';
import { duckdb } from '../../server/semantic/dialect.ts';
import { DIMENSIONS } from '../../server/semantic/dimensions.ts';
import { planSource } from '../../server/semantic/planner.ts';
import { ROLLUPS } from '../../server/semantic/rollups.ts';
import { mulberry32 } from '../../sample-data/prng.ts';
import { csv, ingestText, tempStore } from '../helpers/temp-store.ts';

const CAMPAIGNS = ['loans', 'cards', undefined];
const SCRIPTS = ['A', 'B', 'C', undefined];
const SEGMENTS = ['wc', 'bc', 'retired', undefined];
const AGES = ['18-24', '25-34', '55+', undefined];
const TAGS = ['verified', 'marked_spam', undefined];
const AGENTS = ['a1', 'a2', 'a3', undefined];
const NUMBERS = ['02150001111', '02150002222', '02150003333', undefined];
const DISPOSITIONS = ['answered', 'answered', 'answered', 'rejected', 'no_answer', 'busy', 'failed'];
const PARTIES = ['callee', 'callee', 'agent', 'system', undefined];

/** Random canonical calls over `days` days from 2026-09-01, with every dimension sometimes empty. */
function randomCalls(r: () => number, n: number, prefix: string, firstDay: number, days: number) {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const day = firstDay + Math.floor(r() * days);
    const start = new Date(Date.UTC(2026, 8, 1 + day, Math.floor(r() * 24), Math.floor(r() * 60)));
    const disposition = pick(DISPOSITIONS);
    const answered = disposition === 'answered';
    // Integer and fractional talk times, some exactly at T = 10.
    const talk = answered
      ? r() < 0.2
        ? 10
        : r() < 0.5
          ? Math.floor(r() * 40)
          : Math.round(r() * 400) / 10
      : undefined;
    return {
      call_id: `${prefix}${i}`,
      started_at: start.toISOString(),
      disposition,
      talk_seconds: talk,
      ended_at: answered ? undefined : new Date(start.getTime() + 20_000).toISOString(),
      hangup_by: answered ? pick(PARTIES) : undefined,
      answered_by: answered ? pick(['human', 'human', 'machine', undefined]) : undefined,
      campaign: pick(CAMPAIGNS),
      script_id: pick(SCRIPTS),
      segment: pick(SEGMENTS),
      age_band: pick(AGES),
      number_tag: pick(TAGS),
      agent_id: pick(AGENTS),
      caller_number: pick(NUMBERS),
      callee_id: `k${Math.floor(r() * 400)}`,
      outcome: answered ? pick(['converted', 'declined', undefined]) : undefined,
    };
  });
}

type Store = Awaited<ReturnType<typeof tempStore>>;

async function rollupContents(store: Store) {
  const out: Record<string, unknown[]> = {};
  for (const r of ROLLUPS) out[r.name] = await store.db.query(`SELECT * FROM ${r.name} ORDER BY ALL`);
  out.ingest_dates = await store.db.query('SELECT * FROM ingest_dates ORDER BY ALL');
  return out;
}

/** Rollups kept by the hooks equal rollups rebuilt from scratch. */
async function expectRollupsFresh(store: Store) {
  const kept = await rollupContents(store);
  await rebuildRollups(store.db);
  expect(await rollupContents(store)).toEqual(kept);
  expect(kept.rollup_day!.length).toBeGreaterThan(0);
}

/** Rows equal: counts exactly, rates to 1e-12, same keys in the same order. */
function expectSameAnswer(a: unknown, b: unknown, path = '') {
  if (typeof a === 'number' && typeof b === 'number' && !Number.isInteger(a + b)) {
    expect(Math.abs(a - b), path).toBeLessThan(1e-12);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    expect(a.length, path).toBe(b.length);
    a.forEach((x, i) => expectSameAnswer(x, b[i], `${path}[${i}]`));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(b).sort());
    for (const k of Object.keys(a)) expectSameAnswer((a as any)[k], (b as any)[k], `${path}.${k}`);
    return;
  }
  expect(a, path).toEqual(b);
}

describe('rollups: incremental maintenance and the planner', () => {
  let store: Store;
  const settings = { timezone: 'Asia/Shanghai', earlySeconds: 10 };
  let first: number;
  beforeAll(async () => {
    store = await tempStore(settings);
    const r = mulberry32(7);
    const a = await ingestText(store, 'a.csv', csv(randomCalls(r, 3000, 'a', 0, 20)));
    const b = await ingestText(store, 'b.csv', csv(randomCalls(r, 2000, 'b', 12, 20)));
    // One day of calls older than most stored calls of the same callees: their nth_call_30d changes on
    // later dates this file has no call on.
    const c = await ingestText(store, 'c.csv', csv(randomCalls(r, 200, 'c', 2, 1)));
    // Dates no rollup held yet: appended without a merge of dated rows (the twins still merge).
    const d = await ingestText(store, 'd.csv', csv(randomCalls(r, 300, 'd', 40, 5)));
    expect([a.status, b.status, c.status, d.status]).toEqual(['loaded', 'loaded', 'loaded', 'loaded']);
    first = a.ingestId;
  }, 60_000);
  afterAll(() => store.cleanup());

  it('ingests keep the rollups equal to a rebuild (overlapping dates)', async () => {
    await expectRollupsFresh(store);
  });

  it('filter menus and date bounds (read from rollups) count the calls', async () => {
    const menus = await store.db.query<{ dimension: string; value: string; calls: number }>(
      sqlText('dimension_values'),
    );
    const cols = {
      campaign: 'campaign',
      script: 'script_id',
      segment: 'segment',
      numberTag: 'number_tag',
      agent: 'agent_id',
      ageBand: 'age_band',
      callerNumber: 'caller_number',
    };
    const base = [];
    for (const [dimension, col] of Object.entries(cols)) {
      base.push(
        ...(await store.db.query(
          `SELECT '${dimension}' AS dimension, ${col} AS value, count(*)::INTEGER AS calls FROM calls WHERE ${col} IS NOT NULL GROUP BY ALL`,
        )),
      );
    }
    const key = (r: any) => `${r.dimension}|${r.value}`;
    expect(menus.map((r) => `${key(r)}|${r.calls}`).sort()).toEqual(
      base.map((r: any) => `${key(r)}|${r.calls}`).sort(),
    );
    const [bounds] = await store.db.query(sqlText('date_bounds'));
    const [direct] = await store.db.query(
      `SELECT strftime(min(local_date), '%Y-%m-%d') AS "firstDate", strftime(max(local_date), '%Y-%m-%d') AS "lastDate", count(*)::INTEGER AS calls FROM calls`,
    );
    expect(bounds).toEqual(direct);
  });

  it('answers from rollups equal answers from calls over random filters and dimensions', async () => {
    const r = mulberry32(99);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
    const dims = Object.keys(DIMENSIONS) as Dimension[];
    const values: Record<string, string[]> = {
      campaign: ['loans', 'cards', 'nothing'],
      script: ['A', 'B', 'C'],
      segment: ['wc', 'bc', 'retired'],
      numberTag: ['verified', 'marked_spam'],
      agent: ['a1', 'a2', 'a3'],
    };
    let fromRollup = 0;
    const used = new Set<string>();
    const state = await plannerState(store.db);
    for (let i = 0; i < 150; i++) {
      const f: Filters = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
      if (r() < 0.4) f.from = `2026-09-${String(1 + Math.floor(r() * 15)).padStart(2, '0')}`;
      if (r() < 0.4) f.to = `2026-09-${String(16 + Math.floor(r() * 14)).padStart(2, '0')}`;
      for (const k of Object.keys(values) as (keyof typeof values)[]) {
        if (r() < 0.25) (f as any)[k] = [...new Set([pick(values[k]!), ...(r() < 0.3 ? [pick(values[k]!)] : [])])];
      }
      const kind = pick(['summary', 'breakdown', 'heatmap'] as const);
      const x = pick(dims),
        y = pick(dims);
      const ask = () =>
        kind === 'summary'
          ? summary(store.db, f, settings)
          : kind === 'breakdown'
            ? breakdown(store.db, x, f, settings)
            : heatmap(store.db, x, y, f, settings);
      const groupColumns =
        kind === 'summary'
          ? []
          : kind === 'breakdown'
            ? [DIMENSIONS[x].column]
            : [DIMENSIONS[x].column, DIMENSIONS[y].column];
      const planned = planSource(
        duckdb,
        { groupColumns, filters: f, earlySeconds: 10, dateSpan: kind === 'summary' },
        state,
      );
      if (planned.kind === 'rollup') {
        fromRollup++;
        used.add(planned.from.replace(/"/g, ''));
      }
      const withRollups = await ask();
      store.db.derived.rollups = false;
      try {
        expectSameAnswer(withRollups, await ask(), `${kind} ${x} ${y} ${JSON.stringify(f)}`);
      } finally {
        store.db.derived.rollups = true;
      }
    }
    // The comparison means something only if the planner did pick rollups for many of them.
    expect(fromRollup).toBeGreaterThan(40);
    // Dated rollups, all-dates twins and the disposition / hang-up cause rollup among them.
    expect([...used].some((n) => n.startsWith('rollup_outcome'))).toBe(true);
    expect([...used].filter((n) => n.endsWith('_all')).length).toBeGreaterThan(1);
    expect([...used].filter((n) => !n.endsWith('_all')).length).toBeGreaterThan(1);
  }, 120_000);

  it('survival from the talk-second rollups equals survival from calls over random filters and groupings', async () => {
    const r = mulberry32(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const values: Record<string, string[]> = {
      campaign: ['loans', 'cards'],
      script: ['A', 'B', 'C'],
      segment: ['wc', 'bc', 'retired'],
      numberTag: ['verified', 'marked_spam'],
      agent: ['a1', 'a2', 'a3'],
    };
    const state = await plannerState(store.db);
    const sources = new Set<string>();
    let curves = 0;
    for (let i = 0; i < 60; i++) {
      const f: Filters = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };
      if (r() < 0.4) f.from = `2026-09-${String(1 + Math.floor(r() * 15)).padStart(2, '0')}`;
      if (r() < 0.3) f.to = `2026-09-${String(16 + Math.floor(r() * 14)).padStart(2, '0')}`;
      for (const k of Object.keys(values) as (keyof typeof values)[]) {
        if (r() < 0.2) (f as any)[k] = [pick(values[k]!)];
      }
      const by = pick(SURVIVAL_GROUPS);
      const metric = pick(['hangup', 'short'] as const);
      const planned = planSource(
        duckdb,
        { groupColumns: [DIMENSIONS[by].column, 'talk_seconds'], filters: f, earlySeconds: 10 },
        state,
      );
      sources.add(planned.kind === 'rollup' ? planned.from : 'calls');
      const withRollups = await survival(store.db, by, f, settings, metric);
      curves += withRollups.groups.filter((g) => g.points.length > 0).length;
      // Calls without the grouping's value (a quarter of them here) are no group.
      expect(withRollups.groups.every((g) => g.key !== null && g.key !== '(none)')).toBe(true);
      store.db.derived.rollups = false;
      try {
        expectSameAnswer(
          withRollups,
          await survival(store.db, by, f, settings, metric),
          `${by} ${metric} ${JSON.stringify(f)}`,
        );
      } finally {
        store.db.derived.rollups = true;
      }
    }
    // Every talk-second rollup answered some of them (dated, all-dates, per agent); the rest came from calls.
    expect(curves).toBeGreaterThan(60);
    for (const name of ['rollup_talk', 'rollup_talk_all', 'rollup_talk_agent', 'rollup_talk_agent_all'])
      expect(sources, name).toContain(`"${name}"`);
  }, 120_000);

  it('a request for another T than the stored flags reads calls with T bound, and agrees with a store derived at that T', async () => {
    const at6 = await summary(
      store.db,
      { campaign: [], script: [], segment: [], numberTag: [], agent: [] },
      { ...settings, earlySeconds: 6 },
    );
    const [expected] = await store.db.query<{ early: number; short: number }>(
      'SELECT count(*) FILTER (WHERE is_callee_hangup AND talk_seconds < 6)::INTEGER AS early, count(*) FILTER (WHERE is_answered AND talk_seconds < 6)::INTEGER AS short FROM calls',
    );
    expect([at6.earlyHangups, at6.shortCalls]).toEqual([expected!.early, expected!.short]);
  });

  it('a dimension file re-deriving segments and tags keeps the rollups fresh', async () => {
    await ingestText(
      store,
      'customers.csv',
      'callee_id,segment,age_band\nk1,teacher,25-34\nk2,driver,35-44\nk3,teacher,\n',
    );
    await ingestText(store, 'numbers.csv', 'caller_number,number_tag,from_date\n02150001111,marked_sales,2026-09-10\n');
    const [n] = await store.db.query<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM rollup_day WHERE segment = 'teacher'",
    );
    expect(n!.n).toBeGreaterThan(0);
    await expectRollupsFresh(store);
  });

  it('deleting a file refreshes the rollups of its dates only, and they equal a rebuild', async () => {
    const out = await deleteIngest(store.db, first);
    expect(out).toMatchObject({ ok: true, deleted: 3000 });
    await expectRollupsFresh(store);
    const s = await summary(store.db, { campaign: [], script: [], segment: [], numberTag: [], agent: [] }, settings);
    expect(s.dials).toBe(2500); // b (2000), c (200), d (300)
  });
});
