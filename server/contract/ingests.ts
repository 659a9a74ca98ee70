// Response shape of GET /api/ingests rows (server/routes/ingests.ts).

/** The largest text field of an upload (a mapping file is one), in bytes: busboy's fieldSize. */
export const UPLOAD_FIELD_MAX_BYTES = 256 * 1024;
/** The largest mapping file POST /api/ingest takes, in characters (the route's schema). */
export const MAPPING_MAX_CHARS = 200_000;

export interface Ingest {
  ingestId: number;
  fileName: string;
  format: string;
  encoding: string | null;
  status: 'loaded' | 'repeated' | 'failed';
  message: string | null;
  /** `message` keyed for translation; null for rows stored before migration 002 or without a message. */
  messageParts?: MessagePart[] | null;
  rowsRead: number;
  inserted: number;
  duplicates: number;
  rejected: number;
  rejectsFile: string | null;
  extraColumns: string | null;
  startedAt: string;
  durationMs: number;
}

/**
 * One sentence of an ingest message, keyed: `code` names the sentence, `args` fill it. The web
 * renders each part as t(`ingest.msg.<code>`, args) in the reader's language; `message` keeps the
 * English text (CLI, the inbox's .errors.txt), rendered from the parts by renderIngestMessage
 * (ingest-message-text.ts) with the English templates of ingest-messages.en.ts.
 */
export interface MessagePart {
  code: IngestMessageCode;
  args: Record<string, string | number>;
}

/** Every code an ingest message part may carry (English: ingest-messages.en.ts; zh-CN: web/src/lib/messages/data.zh-CN.ts ingest.msg.<code>). */
export const INGEST_MESSAGE_CODES = [
  'repeated',
  'tz_inferred',
  'tz_told_disagrees',
  'tz_not_whole_hour',
  'tz_rows_disagree',
  'unknown_format',
  'unknown_format_no_header',
  'unknown_format_name',
  'bad_timezone',
  'bad_encoding',
  'bad_encoding_gzip',
  'empty_file',
  'gzip_parquet',
  'gzip_bad_header',
  'gzip_truncated',
  'gzip_corrupt',
  'utf16',
  'binary',
  'json_array',
  'not_json_lines',
  'header_too_long',
  'too_many_columns',
  'line_too_long',
  'dates_order_conflict',
  'dates_order_ambiguous',
  'dates_order_contradicts',
  'dates_order_given',
  'missing_column',
  'missing_json_field',
  'missing_parquet_column',
  'dim_scripts',
  'dim_caller_numbers',
  'dim_customers',
  'dim_refused',
  'dim_refused_key',
  'dim_refused_tag',
  'dim_refused_date',
  'insights_applied',
  'could_not_read',
  'upload_interrupted',
  'upload_interrupted_at',
  'inbox_not_read',
  'clickhouse_not_stored',
  'clickhouse_leftovers',
  'deleted',
  'deleted_kept',
] as const;
export type IngestMessageCode = (typeof INGEST_MESSAGE_CODES)[number];

/**
 * How a file's d/m/yyyy dates are read (the upload's `dateOrder` field, the CLI's --date-order):
 * `auto` lets the file's own dates decide (a field above 12 is a day); the other two settle a file
 * whose dates fit both ways, and refuse one with a date the order cannot read (server/ingest/dates.ts).
 */
export const DATE_ORDERS = ['auto', 'day-first', 'month-first'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
/** An order given (arg `order` of the dates_order_* codes). */
export type GivenDateOrder = Exclude<DateOrder, 'auto'>;

/** The two sources of a file's own word on its UTC offset (arg `what` of the tz_* codes). */
export type OffsetSource = 'epochs' | 'offsets';
