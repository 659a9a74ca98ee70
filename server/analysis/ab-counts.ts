import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { runMetric, type Settings } from '../metrics.ts';

/** The counts of an A/B arm in one cell (the rates compared are read from these). */
export interface ArmCellCounts {
  answered: number;
  earlyHangups: number;
  knownParty: number;
  shortCalls: number;
}

/** Counts per script and stratum cell (the A/B inputs), from the semantic layer's one template. */
export interface StratumCounts extends ArmCellCounts {
  script: string;
  hour: number;
  segment: string;
  numberTag: string;
  dials: number;
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every count per script and the given columns (aliases = the response names), calls without a
 * script left out. Runs on whichever engine serves the metrics (DuckDB or ClickHouse), from the
 * smallest rollup covering it.
 */
async function perScript<K extends string>(
  db: Database,
  filters: Filters,
  settings: Settings,
  columns: Record<K, string>,
) {
  type Row = { script: string | null; dials: number } & ArmCellCounts & Record<K, unknown>;
  const { rows } = await runMetric<Row>(db, settings, {
    groups: [
      { alias: 'script', column: 'script_id' },
      ...Object.entries<string>(columns).map(([alias, column]) => ({ alias, column })),
    ],
    filters,
  });
  return rows
    .filter((r) => r.script !== null)
    .map((r) => {
      const { script, dials, answered, earlyHangups, knownParty, shortCalls } = r;
      return { script: script!, dials, answered, earlyHangups, knownParty, shortCalls, row: r };
    });
}

/**
 * Answered calls, early hang-ups, known party and short calls per script x hour x segment x
 * number tag (segment and tag NULL read as '(none)'), in the order of the columns.
 */
export async function abStrata(db: Database, filters: Filters, settings: Settings): Promise<StratumCounts[]> {
  const rows = await perScript(db, filters, settings, { hour: 'hour', segment: 'segment', number_tag: 'number_tag' });
  return rows
    .map(({ row, ...c }) => ({
      script: c.script,
      hour: row.hour as number,
      segment: (row.segment as string | null) ?? '(none)',
      numberTag: (row.number_tag as string | null) ?? '(none)',
      dials: c.dials,
      answered: c.answered,
      earlyHangups: c.earlyHangups,
      knownParty: c.knownParty,
      shortCalls: c.shortCalls,
    }))
    .sort(
      (a, b) =>
        cmp(a.script, b.script) || cmp(a.hour, b.hour) || cmp(a.segment, b.segment) || cmp(a.numberTag, b.numberTag),
    );
}

/** The same counts per script and local day (sequential looks), ordered by date, then script. */
export async function abDaily(db: Database, filters: Filters, settings: Settings) {
  const rows = await perScript(db, filters, settings, { date: 'local_date' });
  return rows
    .map(({ row, dials: _, ...c }) => ({ ...c, date: String(row.date) }))
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.script, b.script));
}
