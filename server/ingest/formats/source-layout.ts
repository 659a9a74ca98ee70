import { looseName } from './csv-line.ts';
import { endsWithRejectColumns } from './reject-columns.ts';
import { ruleColumns } from './stage-mapped.ts';
import type { FormatPlan, MappedColumn } from './types.ts';

/** How a dialer CSV's rejects file gives its rows back as written (format_rejects_as_written.sql). */
export interface SourceLayout {
  /** The lines above the header (a report title), as the source had them. */
  title: string[];
  /** The columns to write, in the source's order: its header as read, or a headerless format's layout. */
  names: string[];
  /** Per column: the callee rule reads it, so it holds the callee key. */
  keyed: boolean[];
  delimiter: string;
  /** '' for a source that quotes nothing. */
  quote: string;
}

/** Rules that make a call's identity: a column they read must come back as written, or a fixed row is another call. */
const IDENTITY: MappedColumn[] = ['call_id', 'fold_key', 'record_id', 'leg_id', 'other_leg'];

/**
 * The layout of a dialer CSV's rejects file, or null for a JSON source (Amazon Connect, a JSON
 * mapping): a record there is nested objects (Agent.Username, Attributes.*), not cells a
 * spreadsheet can hold, so its rejects file stays canonical columns plus the record as JSON
 * (ingest_rejects.sql), as before. `header` holds the source's columns as read (stage-mapped.ts);
 * `text` is the decoded start of the file (the title lines above a header).
 *
 * The callee's number is the one value a rejects file does not give back (as in canonical rejects
 * and in `calls`): the columns the callee rule reads hold its key, which every format reads back
 * as the same key (format_map.sql keeps a key its pattern would drop; callee_key keeps a key). A
 * column that also makes the call's identity (a mapping's call_id built from the number) stays as
 * written instead, and so does every other column: a number in a free-text column (Asterisk's
 * lastdata) or in a column the format reads for something else (a FreeSWITCH B leg's caller id)
 * is the source's text, which the data team fixing the file has anyway.
 */
export function sourceLayout(plan: FormatPlan, header: string[] | null, text: string): SourceLayout | null {
  const reader = plan.reader;
  if (reader.kind !== 'csv' || !header) return null;
  const used = new Set(Object.values(plan.rules).flatMap((r) => ruleColumns(r).map(looseName)));
  // A rejects file dropped in again: its own line and reason are written afresh, not as source columns.
  const names =
    endsWithRejectColumns(header) && !header.slice(-2).some((h) => used.has(looseName(h)))
      ? header.slice(0, -2)
      : header;
  // A rule reads the first column of a name (stage-mapped.ts resolver): that column, not a repeat of the name.
  const column = (name: string) => names.findIndex((h) => looseName(h) === looseName(name));
  const identity = new Set(IDENTITY.flatMap((c) => ruleColumns(plan.rules[c]).map(column)));
  const callee = new Set(ruleColumns(plan.rules.callee_id).map(column));
  return {
    title: reader.skipLines
      ? text
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)
          .slice(0, reader.skipLines)
      : [],
    names,
    keyed: names.map((_, i) => callee.has(i) && !identity.has(i)),
    delimiter: reader.delimiter,
    quote: reader.quote,
  };
}
