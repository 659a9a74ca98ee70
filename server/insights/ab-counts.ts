import type { Filters } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { runMetric, type Settings } from '../metrics.ts';

/** Counts per script and stratum cell (the A/B inputs), from the semantic layer's one template. */
export interface StratumCounts {
  script: string;
  hour: number;
  segment: string;
  numberTag: string;
  dials: number;
  answered: number;
  earlyHangups: number;
  knownParty: number;
  shortCalls: number;
}

interface Row {
  script: string | null;
  hour: number;
  segment: string | null;
  number_tag: string | null;
  date?: string;
  dials: number;
  answered: number;
  earlyHangups: number;
  knownParty: number;
  shortCalls: number;
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Answered calls, early hang-ups, known party and short calls per script x hour x segment x
 * number tag (segment and tag NULL read as '(none)'), calls without a script left out, in the
 * order of the columns. Runs on whichever engine serves the metrics (DuckDB or ClickHouse).
 */
export async function abStrata(db: Database, filters: Filters, settings: Settings): Promise<StratumCounts[]> {
  const { rows } = await runMetric<Row>(db, settings, {
    groups: [
      { alias: 'script', column: 'script_id' },
      { alias: 'hour', column: 'hour' },
      { alias: 'segment', column: 'segment' },
      { alias: 'number_tag', column: 'number_tag' },
    ],
    filters,
  });
  return rows
    .filter((r) => r.script !== null)
    .map((r) => ({
      script: r.script!,
      hour: r.hour,
      segment: r.segment ?? '(none)',
      numberTag: r.number_tag ?? '(none)',
      dials: r.dials,
      answered: r.answered,
      earlyHangups: r.earlyHangups,
      knownParty: r.knownParty,
      shortCalls: r.shortCalls,
    }))
    .sort(
      (a, b) =>
        cmp(a.script, b.script) || cmp(a.hour, b.hour) || cmp(a.segment, b.segment) || cmp(a.numberTag, b.numberTag),
    );
}

/** The same counts per script and local day (sequential looks), ordered by date, then script. */
export async function abDaily(db: Database, filters: Filters, settings: Settings) {
  const { rows } = await runMetric<Row>(db, settings, {
    groups: [
      { alias: 'script', column: 'script_id' },
      { alias: 'date', column: 'local_date' },
    ],
    filters,
  });
  return rows
    .filter((r) => r.script !== null)
    .map((r) => ({
      script: r.script!,
      date: String(r.date),
      answered: r.answered,
      earlyHangups: r.earlyHangups,
      knownParty: r.knownParty,
      shortCalls: r.shortCalls,
    }))
    .sort((a, b) => cmp(a.date, b.date) || cmp(a.script, b.script));
}
