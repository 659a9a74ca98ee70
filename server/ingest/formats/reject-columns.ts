import { looseName } from './csv-line.ts';

/** What a dialer CSV's rejects file writes after the source's own columns (format_rejects_as_written.sql). */
export const REJECT_COLUMNS = ['line', 'reason'] as const;

export interface CsvDialect {
  delimiter: string;
  /** '' for a dialect that quotes nothing (MySQL batch output: VICIdial, Asterisk database dumps). */
  quote: string;
}

/**
 * The dialect of a rejects file, from its header line. A dialer CSV's gives the rows back in the
 * source's own dialect and ends `line<d><q>reason<q>`, the reason quoted wherever the source
 * quotes (format_rejects_as_written.sql), so the header tells both; a canonical or dimension
 * file's (`line,reason,...`) is a comma-separated file with double quotes.
 */
export function rejectsDialect(header: string): CsvDialect & { asWritten: boolean } {
  const m = /^(.*)line(.{1,4}?)(.?)reason\3$/su.exec(header.replace(/\r?\n$/, ''));
  if (m && m[1]!.endsWith(m[2]!) && !/[\w\s]/u.test(m[3] ?? ''))
    return { delimiter: m[2]!, quote: m[3]!, asWritten: true };
  return { delimiter: ',', quote: '"', asWritten: false };
}

/** Whether a header read from a file ends with a rejects file's own columns (that file dropped in again). */
export function endsWithRejectColumns(names: readonly string[]): boolean {
  const tail = names.slice(-REJECT_COLUMNS.length).map(looseName);
  return tail.length === REJECT_COLUMNS.length && REJECT_COLUMNS.every((c, i) => tail[i] === c);
}
