/** The canonical CDR columns (README, Canonical CDR schema), in file order. */
export const CANONICAL_COLUMNS = [
  'call_id',
  'started_at',
  'answered_at',
  'ended_at',
  'ring_seconds',
  'talk_seconds',
  'disposition',
  'answered_by',
  'hangup_by',
  'hangup_cause',
  'campaign',
  'script_id',
  'agent_id',
  'caller_number',
  'number_tag',
  'callee_id',
  'segment',
  'age_band',
  'outcome',
  // outbound (default) or inbound: inbound calls are counted apart and never stored as dials.
  'direction',
] as const;
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

/**
 * The staging table's one declaration: the row bookkeeping columns and every canonical column, all
 * text (`staging_shape`). Every reader stages text: the CSV reader reads each column as VARCHAR, so
 * a rejected row goes back to its rejects file as written (talk_seconds `5` stays `5`, not `5.0`;
 * a bad number is refused by ingest_check with its value). Timestamps and durations are typed in
 * ingest_check (the reader would turn an invalid TIMESTAMPTZ into NULL without a reject, DuckDB
 * 1.5.6, hiding the bad value). Staging SELECTs take their columns `UNION ALL BY NAME` with it, so
 * a column the file lacks is NULL without an ALTER per file. Built from the fixed list above
 * (identifiers only), once per ingest on the write connection.
 */
export function stagingShapesSql(): string {
  const head = 'rec_no BIGINT, line_no BIGINT, parse_error VARCHAR, raw_line VARCHAR';
  const cols = CANONICAL_COLUMNS.map((c) => `"${c}" VARCHAR`);
  return `CREATE OR REPLACE TEMP TABLE staging_shape (${[head, ...cols].join(', ')});`;
}

/** Columns a file must have; `ended_at` or `talk_seconds` is checked separately. */
export const REQUIRED_COLUMNS: CanonicalColumn[] = ['call_id', 'started_at', 'disposition'];

export const DISPOSITIONS = ['answered', 'no_answer', 'busy', 'rejected', 'failed'] as const;
export const ANSWERED_BY = ['human', 'machine'] as const;
export const HANGUP_BY = ['callee', 'agent', 'system'] as const;
export const DIRECTIONS = ['outbound', 'inbound'] as const;

/** Header names compare case- and space-insensitively: "Call ID" and "call_id" are one column. */
export function normaliseHeader(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Maps a file's header to canonical names; anything else is kept as an extra column. */
export function mapHeader(header: string[]): { names: string[]; extras: string[]; missing: string[] } {
  const canonical = new Set<string>(CANONICAL_COLUMNS);
  const taken = new Set<string>();
  const extras: string[] = [];
  const names = header.map((h, i) => {
    const n = normaliseHeader(h);
    if (canonical.has(n) && !taken.has(n)) {
      taken.add(n);
      return n;
    }
    extras.push(h);
    return `extra_${i}`;
  });
  const missing: string[] = REQUIRED_COLUMNS.filter((c) => !taken.has(c));
  if (!taken.has('ended_at') && !taken.has('talk_seconds')) missing.push('ended_at or talk_seconds');
  return { names, extras, missing };
}
