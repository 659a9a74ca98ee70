/**
 * What an ingest is asked to do and what it answers: shared by ingest-file.ts, which runs an
 * ingest, and supplement.ts, which loads dimension and Voice Insights files for it, so neither
 * imports the other back.
 */
import type { Mapping } from './formats/mapping-file.ts';
import type { FoldNote } from './formats/stage-mapped.ts';
import type { ProgressFn } from './progress.ts';
import type { MessagePart } from './message-parts.ts';
import type { DateOrder } from '../contract/ingests.ts';

export interface IngestOptions {
  dataDir: string;
  /** Zone of naive timestamps in the file (default: the business timezone). */
  timezone?: string;
  businessTimezone: string;
  earlySeconds: number;
  /** Name to report and log; defaults to the path's base name (uploads pass the client's name). */
  fileName?: string;
  onPhase?: (phase: string) => void;
  /** Phase plus fraction done where measurable (hashing, transcoding, DuckDB steps). */
  onProgress?: ProgressFn;
  /** A format name from FORMAT_NAMES instead of detection. */
  format?: string;
  /** A validated mapping file (formats/mapping-file.ts); wins over `format`. */
  mapping?: Mapping;
  /** strptime pattern of the file's times (--date-format); wins over a mapping's dateFormat. */
  dateFormat?: string;
  /** Day-first or month-first d/m/yyyy dates (the upload's dateOrder, --date-order); a dateFormat wins. */
  dateOrder?: DateOrder;
  /** A value longer than this (bytes) refuses its row, not the file (default MAX_FIELD_BYTES, 1 MB). */
  maxFieldBytes?: number;
}

export interface IngestReport {
  ingestId: number;
  fileName: string;
  sha256: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'repeated' | 'failed';
  message: string | null;
  /** `message` keyed for translation, one part per sentence joined there ([] without a message). */
  messageParts: MessagePart[];
  /** calls (file) | dimension (scripts, numbers, customers) | evidence (Voice Insights). */
  kind: 'calls' | 'dimension' | 'evidence';
  /** Source rows; rowsRead = calls + folded, calls = inserted + duplicates + rejected + inbound. */
  rowsRead: number;
  calls: number;
  folded: number;
  foldNotes: FoldNote[];
  inserted: number;
  duplicates: number;
  rejected: number;
  /** Inbound calls: counted apart, never stored, never in a metric. */
  inbound: number;
  rejectsPath: string | null;
  extraColumns: string[];
  /** Answered calls stored without a hang-up party (the source did not say). */
  unknownParty: number;
  /** The zone naive times were read in: an IANA name, or an offset such as +03:00 when inferred. */
  sourceTimezone: string | null;
  /** sourceTimezone was inferred from the file (epochs or offsets beside its times), not given. */
  timezoneInferred: boolean;
  durationMs: number;
}
