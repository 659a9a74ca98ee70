/**
 * Rollups: `calls` pre-aggregated at the grains the dashboard asks most, holding every count of
 * COUNTS per group. A rollup keeps local_date (and weekday, which a date fixes), so any date
 * range and the incremental refresh by date work on it; its "all dates" twin (`parent` set) drops
 * local_date and is the sum of its parent over every date: far smaller, it answers the requests
 * without a date range. The planner (planner.ts) answers a request from the smallest rollup
 * holding every column the request groups or filters by. Counts are additive, so a rollup answer
 * equals the base answer exactly.
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
  /**
   * An all-dates twin: no local_date; the sums of rollup `parent` (listed before it) over every
   * date, rebuilt from it (or merged with the ingest's aggregate) whenever the parent changes.
   */
  parent?: string;
}

/** Bumped whenever a grain or a count changes: stored rollups are then rebuilt at open. */
export const ROLLUP_VERSION = '3';

/** A dated rollup: local_date, weekday, then its own grouping columns. */
const dated = (name: string, columns: string[], serves: string, recountOlder = false): RollupDef => ({
  name,
  columns: ['local_date', 'weekday', ...columns],
  serves,
  ...(recountOlder ? { recountOlder } : {}),
});

const SLICE = ['campaign', 'script_id', 'segment', 'number_tag'];
const BY_AGENT = ['agent_id', 'campaign', 'script_id'];
const DAY_COLUMNS = ['campaign', 'script_id', 'segment', 'age_band', 'number_tag'];
const DAY = dated('rollup_day', DAY_COLUMNS, 'KPIs and daily trend, breakdowns by the filter columns');
const AGENT = dated('rollup_agent', BY_AGENT, '/agents, the agent filter');
const CALLER = dated('rollup_caller', ['caller_number', 'number_tag', 'campaign'], '/numbers: caller numbers, tags');
// nth_call_30d of stored calls changes when a file brings calls of the same callee up to 30 days
// earlier: the hooks refresh those later dates too (queries/ingest/touched_dates_*.sql).
const FREQ = dated('rollup_freq', ['nth_call_30d', ...SLICE], '/frequency and the frequency cap', true);
const HOUR = dated('rollup_hour', ['hour', ...SLICE], '/when and /segments heatmaps, A/B strata');
const OUTCOME = dated('rollup_outcome', ['disposition', 'hangup_cause', ...SLICE], 'overview: how dials ended');
// Survival counts per second of talk (known party, callee hang-ups, answered): Kaplan-Meier and
// the log-rank test read these, never one row per call.
const TALK = dated('rollup_talk', ['talk_seconds', ...SLICE], '/api/survival by script, segment, number tag');
const TALK_AGENT = dated('rollup_talk_agent', ['talk_seconds', ...BY_AGENT], '/api/survival by agent');

/**
 * The all-dates twin of a rollup (see `parent`). It keeps weekday (hour x weekday heatmaps) unless
 * the parent's requests never group by it (survival: 7 times fewer rows).
 */
const allDates = (r: RollupDef, keepWeekday = true): RollupDef => ({
  name: `${r.name}_all`,
  parent: r.name,
  ...(r.recountOlder ? { recountOlder: true } : {}),
  columns: r.columns.filter((c) => c !== 'local_date' && (keepWeekday || c !== 'weekday')),
  serves: `${r.serves}; without a date range`,
});

/**
 * Candidates in order of expected size, smallest first (the planner also reads actual sizes);
 * a twin after its parent.
 */
export const ROLLUPS: readonly RollupDef[] = [
  ...[DAY, AGENT, CALLER, FREQ, HOUR, OUTCOME].flatMap((r) => [r, allDates(r)]),
  ...[TALK, TALK_AGENT].flatMap((r) => [r, allDates(r, false)]),
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
  talk_seconds: 'DOUBLE',
  disposition: 'VARCHAR',
  hangup_cause: 'VARCHAR',
};

/** DuckDB DDL of one rollup table (dimension columns, then one INTEGER per count). */
export function rollupDdl(d: Dialect, r: RollupDef): string {
  const cols = [
    ...r.columns.map((c) => `${d.ident(c)} ${COLUMN_TYPES[c]}`),
    ...COUNTS.map((c) => `${d.ident(c.rollupColumn)} INTEGER NOT NULL`),
  ];
  return `CREATE TABLE IF NOT EXISTS ${d.ident(r.name)} (${cols.join(', ')})`;
}

const dimsOf = (d: Dialect, r: RollupDef) => r.columns.map((c) => d.ident(c));
const countCols = (d: Dialect) => COUNTS.map((c) => d.ident(c.rollupColumn));
// Stored in date order, so zone maps skip the row groups outside a requested date range.
const orderOf = (r: RollupDef) => (r.parent ? '' : '\nORDER BY local_date');

/** INSERT of the aggregate of `calls` (rows matching `where`, or all) into a rollup. */
function fromCallsSql(d: Dialect, r: RollupDef, where: string | null): string {
  const dims = dimsOf(d, r);
  const counts = COUNTS.map(
    (c) => `${c.flag === null ? d.countAll() : d.countIf(d.ident(c.flag))} AS ${d.ident(c.rollupColumn)}`,
  );
  return (
    `INSERT INTO ${d.ident(r.name)} (${[...dims, ...countCols(d)].join(', ')})\n` +
    `SELECT ${[...dims, ...counts].join(', ')}\nFROM calls${where ? `\nWHERE ${where}` : ''}\nGROUP BY ${dims.join(', ')}${orderOf(r)}`
  );
}

/** INSERT of the sums of `source` (a rollup holding this one's columns), for the given dates or all. */
function fromRollupSql(d: Dialect, r: RollupDef, source: string, dateSource: string | null): string {
  const dims = dimsOf(d, r);
  const sums = COUNTS.map((c) => `${d.sumCount(d.ident(c.rollupColumn))} AS ${d.ident(c.rollupColumn)}`);
  const where = dateSource ? ` WHERE local_date IN (${dateSource})` : '';
  return (
    `INSERT INTO ${d.ident(r.name)} (${[...dims, ...countCols(d)].join(', ')}) ` +
    `SELECT ${[...dims, ...sums].join(', ')} FROM ${source}${where} GROUP BY ${dims.join(', ')}${orderOf(r)}`
  );
}

/**
 * The INSERT refilling a rollup, for the dates in `dateSource` (a subquery of local_date values)
 * or every date (null): from `calls`, a twin from its parent (always whole).
 */
export function rollupFillSql(d: Dialect, r: RollupDef, dateSource: string | null): string {
  if (r.parent) return fromRollupSql(d, r, d.ident(r.parent), null);
  return fromCallsSql(d, r, dateSource ? `local_date IN (${dateSource})` : null);
}

/**
 * Appends the aggregate of one ingest's calls (counts are additive: a rollup may hold several
 * rows of one group until compacted; every read sums). `ingestParam` is the placeholder. A dated
 * rollup keeps that aggregate, in date order, in a temp table `rollup_ingest_<name>` that is
 * appended as it is and that its all-dates twin (listed after it) sums, so the ingest's calls are
 * scanned once per grain and aggregated once; drop it with rollupAppendDoneSql after the twin.
 */
export function rollupAppendSql(d: Dialect, r: RollupDef, ingestParam: string): string[] {
  if (r.parent) return [fromRollupSql(d, r, d.ident(`rollup_ingest_${r.parent}`), null)];
  const stage = d.ident(`rollup_ingest_${r.name}`);
  const cols = [...dimsOf(d, r), ...countCols(d)].join(', ');
  return [
    `CREATE OR REPLACE TEMP TABLE ${stage} AS SELECT * FROM ${d.ident(r.name)} LIMIT 0`,
    fromCallsSql(d, { ...r, name: `rollup_ingest_${r.name}` }, `ingest_id = ${ingestParam}`),
    `INSERT INTO ${d.ident(r.name)} (${cols}) SELECT ${cols} FROM ${stage}`,
  ];
}

/** Drops the temp tables rollupAppendSql left for the twins. */
export function rollupAppendDoneSql(d: Dialect, rollups: readonly RollupDef[]): string[] {
  return rollups.filter((r) => !r.parent).map((r) => `DROP TABLE IF EXISTS ${d.ident(`rollup_ingest_${r.name}`)}`);
}

/**
 * Merges the rows of the given dates (a twin: all rows) into one row per group, as statements.
 * Only groups that held rows before an append can have two: the caller passes the dates the
 * rollup already held (none: nothing to merge) and compacts a twin only when it was not empty.
 */
export function rollupCompactSql(d: Dialect, r: RollupDef, dateSource: string): string[] {
  const dates = r.parent ? null : dateSource;
  const cols = [...dimsOf(d, r), ...countCols(d)].join(', ');
  return [
    `CREATE OR REPLACE TEMP TABLE rollup_merge AS SELECT * FROM ${d.ident(r.name)} LIMIT 0`,
    fromRollupSql(d, { ...r, name: 'rollup_merge' }, d.ident(r.name), dates),
    rollupClearSql(d, r, dates),
    `INSERT INTO ${d.ident(r.name)} (${cols}) SELECT ${cols} FROM rollup_merge${orderOf(r)}`,
    'DROP TABLE rollup_merge',
  ];
}

/** Removes the rows of the given dates (or all rows; a twin: always all) before a refill. */
export function rollupClearSql(d: Dialect, r: RollupDef, dateSource: string | null): string {
  return dateSource && !r.parent
    ? `DELETE FROM ${d.ident(r.name)} WHERE local_date IN (${dateSource})`
    : `DELETE FROM ${d.ident(r.name)}`;
}

/** Rollups whose grain holds every needed column, in candidate order. */
export function coveringRollups(needed: Iterable<string>): RollupDef[] {
  const need = [...needed];
  return ROLLUPS.filter((r) => need.every((c) => r.columns.includes(c)));
}
