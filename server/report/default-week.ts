import type { Database } from '../db/database.ts';
import { callsListing } from '../db/query-store.ts';
import { defaultWeek, type IsoWeek } from './week.ts';

/** The report week when none is named: the last week with data (week.ts defaultWeek), on the engine holding the calls. */
export async function lastWeekWithData(db: Database, now: Date, timeZone: string): Promise<IsoWeek> {
  const [bounds] = await callsListing<{ firstDate: string | null; lastDate: string | null }>(db, 'date_bounds');
  return defaultWeek(bounds ?? { firstDate: null, lastDate: null }, now, timeZone);
}
