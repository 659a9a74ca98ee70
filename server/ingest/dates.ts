import { Database } from '../db/database.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { renderIdentifiers, sqlText } from '../db/sql-files.ts';
import { UnreadableFileError } from './sniff.ts';
import { part, type MessagePart } from './message-parts.ts';
import type { DateOrder } from '../contract/ingests.ts';

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
 * or that proves both, is refused with a reason that names dateFormat and the date order. A
 * dateFormat given wins (for dialer formats it was applied to the raw values by format_map
 * already). A date order given (the upload's dateOrder, --date-order) settles what the file
 * cannot: its dates are read that way, unless one of them proves the other order (25/12/2026 given
 * as month-first), which refuses the file rather than misreading it. Answers the note that says an
 * order given was used (null: none given, or no d/m/yyyy date in the file).
 */
export async function settleDates(
  con: DuckDBConnection,
  table: DatedTable,
  dateFormat: string | undefined,
  dateOrder: DateOrder = 'auto',
): Promise<MessagePart | null> {
  const apply = (fmt: string | null, dayfirst: boolean | null) =>
    con.run(renderIdentifiers(sqlText('format_dates_apply'), { table }), { fmt, dayfirst });
  if (dateFormat) {
    if (table === 'staged') await apply(dateFormat, null);
    return null;
  }
  const [o] = await Database.all<Order>(con, renderIdentifiers(sqlText('format_date_order'), { table }));
  if (!o || !Number(o.dated)) return null;
  if (dateOrder !== 'auto') {
    const dayFirst = dateOrder === 'day-first';
    // A day-first proof (first field above 12) contradicts month-first, and the other way round.
    const against = dayFirst ? o.monthExample : o.dayExample;
    if (Number(dayFirst ? o.monthFirst : o.dayFirst))
      throw new UnreadableFileError(part('dates_order_contradicts', { order: dateOrder, example: String(against) }));
    await apply(null, dayFirst);
    return part('dates_order_given', { order: dateOrder, example: String(o.example) });
  }
  if (Number(o.dayFirst) && Number(o.monthFirst)) {
    throw new UnreadableFileError(
      part('dates_order_conflict', { day: String(o.dayExample), month: String(o.monthExample) }),
    );
  }
  if (!Number(o.dayFirst) && !Number(o.monthFirst)) {
    throw new UnreadableFileError(part('dates_order_ambiguous', { example: String(o.example), n: Number(o.dated) }));
  }
  await apply(null, Number(o.dayFirst) > 0);
  return null;
}
