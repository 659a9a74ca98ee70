import type { CanonicalColumn } from '../canonical.ts';
import type { DateOrder } from '../../contract/ingests.ts';

/** Columns a format's rules can fill: the canonical ones plus the helpers folding needs (format_map.sql). */
export const HELPER_COLUMNS = [
  'fold_key',
  'leg',
  'version',
  'record_id',
  'skip',
  'reject',
  'party_source',
  'party_callee',
  'party_agent',
  'total_seconds',
  'leg_id',
  'other_leg',
  'epoch',
] as const;
export type HelperColumn = (typeof HELPER_COLUMNS)[number];
export type MappedColumn = CanonicalColumn | HelperColumn;

/**
 * How one mapped column is read from a source record. A bare string is a column name.
 * - `column`: a name, or several: the first non-empty value wins (alternative header spellings too)
 * - `concat`: several names joined with `|` (e.g. a key made of channel and start)
 * - `regex`: keep capture group 1 of the value (a pattern without a group keeps the whole match)
 * - `values`: value map, keys compared lower-case; '*' catches the rest; '' or null means "no value";
 *   values not listed pass through (and the check names them if they are invalid)
 * - `default`: used when the result is empty
 */
export type FieldRule =
  | string
  | {
      column?: string | string[];
      concat?: string[];
      regex?: string;
      values?: Record<string, string | null>;
      default?: string;
    };

export interface CsvReader {
  kind: 'csv';
  delimiter: string;
  quote: string;
  escape: string;
  /** Column names for files without a header row; absent = the file has a header. */
  names?: string[];
  /** Lines above the header (report titles). */
  skipLines?: number;
}
export interface JsonReader {
  kind: 'json';
}
export type ReaderSpec = CsvReader | JsonReader;

/** Everything the generic pipeline needs to turn one source file into staged calls. */
export interface FormatPlan {
  /** Reported as the file's format (ingest_log.format). */
  name: string;
  reader: ReaderSpec;
  rules: Partial<Record<MappedColumn, FieldRule>>;
  /** disposition = answered whenever an answer time is present (telephony signal beats status text). */
  answeredWhenAnswerTime?: boolean;
  /** Hang-up causes that mean the platform ended an answered call (FreeSWITCH MEDIA_TIMEOUT, ...). */
  systemHangupCauses?: string[];
  /**
   * A call whose first leg was answered at its very start is inbound (Asterisk: the PBX itself
   * answered a caller), unless a direction rule said otherwise.
   */
  inboundWhenAnsweredAtStart?: boolean;
  /** Report text for rows merged by fold_key. */
  foldReason?: string;
  /** queries/ files run on `mapped` before folding (format-specific, trusted). */
  beforeFold?: string[];
  /** queries/ files run on `staged` after folding. */
  afterFold?: string[];
  /** Zone of naive timestamps when the user gives none (else the business timezone). */
  timezone?: string;
  /** strptime pattern of the file's times (DuckDB's), when detection cannot tell (day-first dates). */
  dateFormat?: string;
  /** The order of d/m/yyyy dates the user gave (server/ingest/dates.ts); a dateFormat wins. */
  dateOrder?: DateOrder;
}

/** What detection sees: the decoded first lines of a text file, or the first JSON object. */
export interface Sample {
  kind: 'csv' | 'json';
  lines: string[];
  firstObject: Record<string, unknown> | null;
}
