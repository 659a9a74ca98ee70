import { looseName, splitCsvLine } from './csv-line.ts';
import { REJECT_COLUMNS, rejectsDialect } from './reject-columns.ts';
import type { FormatPlan, Sample } from './types.ts';

/** What a format offers detection (registry.ts CallFormat; declared here so the two files import one way). */
interface Planner {
  name: string;
  detect(s: Sample): boolean;
  plan(s: Sample): FormatPlan;
}

/** Fields joined again for detection only (the detectors split them with splitCsvLine). */
function joinFields(fields: string[], delimiter: string): string {
  return fields
    .map((f) => (f.includes(delimiter) || f.includes('"') || /^\s/.test(f) ? `"${f.replace(/"/g, '""')}"` : f))
    .join(delimiter);
}

/**
 * A headerless format's records below a header line naming its columns: the rejects file of such
 * a file (format_rejects_as_written.sql writes the layout's names above the rows, so a data team
 * sees which column is which, then `line` and `reason`), or an export someone gave a header row.
 * Returns the records, the rejects file's two columns taken off (for detection only: the
 * headerless detectors count fields), when `f` detects them and its plan for them names exactly
 * the header's columns; else null.
 */
export function layoutBody(s: Sample, f: Planner): Sample | null {
  if (s.kind !== 'csv' || s.lines.length < 2) return null;
  const dialect = rejectsDialect(s.lines[0]!);
  const cut = dialect.asWritten ? REJECT_COLUMNS.length : 0;
  const header = splitCsvLine(s.lines[0]!, dialect.delimiter);
  const names = header.slice(0, header.length - cut);
  const lines = s.lines
    .slice(1)
    .map((l) => (cut ? joinFields(splitCsvLine(l, dialect.delimiter).slice(0, -cut), dialect.delimiter) : l));
  const body: Sample = { ...s, lines };
  if (!f.detect(body)) return null;
  const { reader } = f.plan(body);
  const layout = reader.kind === 'csv' ? reader.names : undefined;
  return layout && layout.length === names.length && layout.every((n, i) => looseName(n) === looseName(names[i]!))
    ? body
    : null;
}

/**
 * `f`, planning a file of its records below a header naming its layout (layoutBody) from those
 * records and reading it by its header (the header line is no record); any other file as before.
 */
export function withLayoutHeader<F extends Planner>(f: F): F {
  return {
    ...f,
    plan(s: Sample): FormatPlan {
      const body = layoutBody(s, f);
      if (!body) return f.plan(s);
      const p = f.plan(body);
      return p.reader.kind === 'csv' ? { ...p, reader: { ...p.reader, names: undefined } } : p;
    },
  };
}
