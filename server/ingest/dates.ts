import { Database } from '../db/database.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import { UnreadableFileError } from './sniff.ts';
import { part } from './message-parts.ts';

/** Tables whose start/answer/end text can be rewritten: mapped (dialer formats, before folding), staged (canonical). */
export type DatedTable = 'mapped' | 'staged';

interface Order {
  dated: number;
  dayFirst: number;
  monthFirst: number;
  example: string | null;
  dayExample: string | null;
  monthExample: string | null;
}

/**
 * Day-first or month-first: d/m/yyyy dates are read the way the file itself
 * proves (a first field above 12 is a day), never guessed. A file whose dates all fit both ways,
 * or that proves both, is refused with a reason that names dateFormat. A dateFormat given wins
 * (for dialer formats it was applied to the raw values by format_map already).
 */
export async function settleDates(
  con: DuckDBConnection,
  table: DatedTable,
  dateFormat: string | undefined,
): Promise<void> {
  const apply = (fmt: string | null, dayfirst: boolean | null) =>
    con.run(renderIdentifiers(sqlText('format_dates_apply'), { table }), { fmt, dayfirst });
  if (dateFormat) {
    if (table === 'staged') await apply(dateFormat, null);
    return;
  }
  const [o] = await Database.all<Order>(con, renderIdentifiers(sqlText('format_date_order'), { table }));
  if (!o || !Number(o.dated)) return;
  if (Number(o.dayFirst) && Number(o.monthFirst)) {
    throw new UnreadableFileError(
      part('dates_order_conflict', { day: String(o.dayExample), month: String(o.monthExample) }),
    );
  }
  if (!Number(o.dayFirst) && !Number(o.monthFirst)) {
    throw new UnreadableFileError(part('dates_order_ambiguous', { example: String(o.example), n: Number(o.dated) }));
  }
  await apply(null, Number(o.dayFirst) > 0);
}
