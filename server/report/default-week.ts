import type { Database } from '../db/database.ts';
import { sqlText } from '../db/sql-files.ts';
import { defaultWeek, type IsoWeek } from './week.ts';

/** The report week when none is named: the last week with data (week.ts defaultWeek). */
export async function lastWeekWithData(db: Database, now: Date, timeZone: string): Promise<IsoWeek> {
  const [bounds] = await db.query<{ firstDate: string | null; lastDate: string | null }>(sqlText('date_bounds'));
  return defaultWeek(bounds ?? { firstDate: null, lastDate: null }, now, timeZone);
}
