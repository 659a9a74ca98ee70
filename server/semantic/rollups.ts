/**
 * Rollups: `calls` pre-aggregated at the grains the dashboard asks most, holding every count of
 * COUNTS per group. Every rollup keeps local_date (and weekday, which a date fixes), so any date
 * range and the incremental refresh by date work on all of them. The planner (planner.ts) answers
 * a request from the smallest rollup holding every column the request groups or filters by.
 * Counts are additive, so a rollup answer equals the base answer exactly.
 */
import type { Dialect } from './dialect.ts';
import { COUNTS } from './measures.ts';

export interface RollupDef {
  name: string;
  /** Grouping columns of `calls` (allow-listed names). */
  columns: readonly string[];
  /** Why this grain exists (which pages it answers). */
  serves: string;
  /**
   * Holds a column an ingest also changes on stored calls (nth_call_30d): refreshed from calls for
   * every touched date instead of appended to.
   */
  recountOlder?: boolean;
}

/** Bumped whenever a grain or a count changes: stored rollups are then rebuilt at open. */
export const ROLLUP_VERSION = '2';

/** Candidates in order of expected size, smallest first (the planner also reads actual sizes). */
export const ROLLUPS: readonly RollupDef[] = [
  {
    name: 'rollup_day',
    columns: ['local_date', 'weekday', 'campaign', 'script_id', 'segment', 'age_band', 'number_tag'],
    serves:
      'KPIs with any filter but agent; daily trend; breakdowns by campaign, script, segment, age band, number tag',
  },
  {
    name: 'rollup_agent',
    columns: ['local_date', 'weekday', 'agent_id', 'campaign', 'script_id'],
    serves: '/agents, agent filter with date, campaign and script',
  },
  {
    name: 'rollup_caller',
    columns: ['local_date', 'weekday', 'caller_number', 'number_tag', 'campaign'],
    serves: '/numbers: caller numbers and their tags',
  },
  // nth_call_30d of stored calls changes when a file brings calls of the same callee up to 30 days
  // earlier: the hooks refresh those later dates too (queries/ingest/touched_dates_*.sql).
  {
    name: 'rollup_freq',
    recountOlder: true,
    columns: ['local_date', 'weekday', 'nth_call_30d', 'campaign', 'script_id', 'segment', 'number_tag'],
    serves: '/frequency and the frequency cap: rates by calls to the callee in 30 days',
  },
  {
    name: 'rollup_hour',
    columns: ['local_date', 'weekday', 'hour', 'campaign', 'script_id', 'segment', 'number_tag'],
    serves: '/when and /segments heatmaps (hour x weekday, segment x hour) with any filter but agent',
  },
];

const COLUMN_TYPES: Record<string, string> = {
  local_date: 'DATE',
  weekday: 'TINYINT',
  hour: 'TINYINT',
  campaign: 'VARCHAR',
  script_id: 'VARCHAR',
  segment: 'VARCHAR',
  age_band: 'VARCHAR',
  number_tag: 'VARCHAR',
  agent_id: 'VARCHAR',
  caller_number: 'VARCHAR',
  nth_call_30d: 'INTEGER',
};

/** DuckDB DDL of one rollup table (dimension columns, then one INTEGER per count). */
export function rollupDdl(d: Dialect, r: RollupDef): string {
  const cols = [
    ...r.columns.map((c) => `${d.ident(c)} ${COLUMN_TYPES[c]}`),
    ...COUNTS.map((c) => `${d.ident(c.rollupColumn)} INTEGER NOT NULL`),
  ];
  return `CREATE TABLE IF NOT EXISTS ${d.ident(r.name)} (${cols.join(', ')})`;
}

/**
 * The INSERT refilling a rollup from `calls`, for the dates in `dateSource` (a subquery of
 * local_date values) or every date (null).
 */
export function rollupFillSql(d: Dialect, r: RollupDef, dateSource: string | null): string {
  const dims = r.columns.map((c) => d.ident(c));
  const counts = COUNTS.map(
    (c) => `${c.flag === null ? d.countAll() : d.countIf(d.ident(c.flag))} AS ${d.ident(c.rollupColumn)}`,
  );
  const where = dateSource ? `\nWHERE local_date IN (${dateSource})` : '';
  return (
    `INSERT INTO ${d.ident(r.name)} (${[...dims, ...COUNTS.map((c) => d.ident(c.rollupColumn))].join(', ')})\n` +
    // Stored in date order, so zone maps skip the row groups outside a requested date range.
    `SELECT ${[...dims, ...counts].join(', ')}\nFROM calls${where}\nGROUP BY ${dims.join(', ')}\nORDER BY local_date`
  );
}

/**
 * Appends the aggregate of one ingest's calls (counts are additive: a rollup may hold several
 * rows of one group until compacted; every read sums). `ingestParam` is the placeholder.
 */
export function rollupAppendSql(d: Dialect, r: RollupDef, ingestParam: string): string {
  return rollupFillSql(d, r, null).replace('\nFROM calls\n', `\nFROM calls\nWHERE ingest_id = ${ingestParam}\n`);
}

/** Merges the rows of the given dates into one row per group (after appends), as statements. */
export function rollupCompactSql(d: Dialect, r: RollupDef, dateSource: string): string[] {
  const dims = r.columns.map((c) => d.ident(c));
  const cols = [...dims, ...COUNTS.map((c) => d.ident(c.rollupColumn))];
  const sums = COUNTS.map((c) => `${d.sumCount(d.ident(c.rollupColumn))} AS ${d.ident(c.rollupColumn)}`);
  return [
    `CREATE OR REPLACE TEMP TABLE rollup_merge AS SELECT ${[...dims, ...sums].join(', ')} FROM ${d.ident(r.name)} WHERE local_date IN (${dateSource}) GROUP BY ${dims.join(', ')}`,
    rollupClearSql(d, r, dateSource),
    `INSERT INTO ${d.ident(r.name)} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM rollup_merge ORDER BY local_date`,
    'DROP TABLE rollup_merge',
  ];
}

/** Removes the rows of the given dates (or all rows) before a refill. */
export function rollupClearSql(d: Dialect, r: RollupDef, dateSource: string | null): string {
  return dateSource
    ? `DELETE FROM ${d.ident(r.name)} WHERE local_date IN (${dateSource})`
    : `DELETE FROM ${d.ident(r.name)}`;
}

/** Rollups whose grain holds every needed column, in candidate order. */
export function coveringRollups(needed: Iterable<string>): RollupDef[] {
  const need = [...needed];
  return ROLLUPS.filter((r) => need.every((c) => r.columns.includes(c)));
}
