/**
 * The text of a raw query (queries/bench/bench_raw_*.sql) for one benchmark case. The counts
 * question (summary, breakdown, heatmap) is one file whose grouping and filter are slots: the
 * filled text is exactly what a hand-written query for that case would be, so it stays the best
 * case. Slot contents are allow-listed column names or fixed text from queries/bench/, never
 * anything a user typed.
 */
import { renderIdentifiers, sqlText } from '../../server/db/sql-files.ts';
import type { RawQuery } from './cases.ts';

const IDENT = /^[a-z_][a-z0-9_]*$/;
const checked = (c: string) => {
  if (!IDENT.test(c)) throw new Error(`bad column name ${JSON.stringify(c)}`);
  return c;
};
/** The summary's extra: the date span it reports beside the counts. */
const DATE_SPAN = 'min(local_date) AS first_date, max(local_date) AS last_date, ';
const ALIASES = [['key'], ['x', 'y']];

/** A query file without its comment lines (they name the slots, which must not be filled there). */
const code = (name: string) =>
  sqlText(name)
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('--'))
    .join('\n');

export function rawSql(q: RawQuery): string {
  if (q.file !== 'bench_raw_counts') return renderIdentifiers(sqlText(q.file), q.idents ?? {});
  const group = (q.group ?? []).map(checked);
  const aliases = ALIASES[group.length - 1];
  if (group.length && !aliases) throw new Error(`bench_raw_counts groups by one or two columns, not ${group.length}`);
  const slots: Record<string, string> = {
    keys: group.length ? group.map((c, i) => `${c} AS ${aliases![i]}, `).join('') : DATE_SPAN,
    where: q.filtered ? `\n${code('bench_raw_filter')}` : '',
    group_by: group.length ? `\nGROUP BY ${group.join(', ')}` : '',
  };
  return code(q.file).replace(/\{\{(\w+)\}\}/g, (_, slot: string) => {
    const text = slots[slot];
    if (text === undefined) throw new Error(`bench_raw_counts: unknown slot {{${slot}}}`);
    return text;
  });
}
