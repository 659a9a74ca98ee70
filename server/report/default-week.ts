import type { Database } from '../db/database.ts';
import { callsListing } from '../db/query-store.ts';
import { defaultWeek, weeksOfDates, type IsoWeek, type WeekWithData } from './week.ts';

/** The report week when none is named: the last week with data (week.ts defaultWeek), on the engine holding the calls. */
export async function lastWeekWithData(db: Database, now: Date, timeZone: string): Promise<IsoWeek> {
  const [bounds] = await callsListing<{ firstDate: string | null; lastDate: string | null }>(db, 'date_bounds');
  return defaultWeek(bounds ?? { firstDate: null, lastDate: null }, now, timeZone);
}

/** The ISO weeks with at least one call, newest first (GET /api/reports/weeks, the week picker). */
export async function weeksWithCalls(db: Database): Promise<WeekWithData[]> {
  const rows = await callsListing<{ date: string | null }>(db, 'data_dates');
  return weeksOfDates(rows.flatMap((r) => (r.date ? [r.date] : [])));
}
