/**
 * The English text of every ingest message part, written once: the server renders its `message`
 * from these (ingest-message-text.ts: CLI, the inbox's .errors.txt, tests) and the dashboard's
 * English dictionary takes its ingest.msg.* entries from here (web/src/lib/messages/data.en.ts).
 * The Chinese twins are in data.zh-CN.ts, with the same {placeholders}.
 */
import type { GivenDateOrder, IngestMessageCode, OffsetSource } from './ingests.ts';

/** One text per code, `{name}` filled from the part's args; {what} is an OFFSET_SOURCES_EN text. */
export const INGEST_MESSAGES_EN: Record<IngestMessageCode, string> = {
  repeated: 'already ingested as #{id} ({file}, {at}); nothing added',
  tz_inferred: 'times read as UTC{offset}: {what} say {offset} ({agree} of {evidence} rows)',
  tz_told_disagrees: 'timezone: read in {given} as told, but {what} say {offset} ({agree} of {evidence} rows)',
  tz_not_whole_hour:
    "timezone: {what} say {offset} ({agree} of {evidence} rows), not a whole hour: read in {zone}; give --timezone with the zone's name (e.g. Asia/Kolkata)",
  tz_rows_disagree:
    'timezone: rows disagree on their UTC offset ({what} say {offset} ({agree} of {evidence} rows)): read in {zone}; give --timezone',
  unknown_format:
    'no known format: closest tried {near}. Header: {header}. Write a starter mapping with `npm run hangup -- mapping {file}`, edit it and pass it with --mapping, or name the format with --format',
  unknown_format_no_header:
    'no known format: closest tried {near}. First line (a record, not a header: the file has none; its values are not shown, only their shape: 9 = a digit, a = letters): {header}. Write a starter mapping with `npm run hangup -- mapping {file}`, edit it and pass it with --mapping, or name the format with --format',
  unknown_format_name: 'unknown format "{format}"',
  bad_timezone: 'bad timezone "{zone}"',
  bad_encoding:
    'not UTF-8 or GB18030/GBK text: invalid byte {byte} at offset {offset} (line {line}); re-export as UTF-8',
  bad_encoding_gzip:
    'not UTF-8 or GB18030/GBK text: invalid byte {byte} at decompressed offset {offset} (line {line}); re-export as UTF-8',
  empty_file: 'the file is empty',
  gzip_parquet: 'gzip-compressed Parquet is not supported; Parquet compresses itself',
  gzip_bad_header: 'gzip header found but the data does not decompress',
  gzip_truncated:
    'gzip file truncated: the compressed data ends at byte {size} before its CRC and length trailer; the file is incomplete',
  gzip_corrupt: 'gzip data corrupt ({error}) within the first {bytes} bytes',
  utf16: 'UTF-16 text is not supported: save the export as UTF-8 or GB18030',
  binary: 'binary content: not a CDR text file',
  json_array: 'a JSON array file: write one JSON object per line (JSON lines) instead',
  not_json_lines: 'not JSON lines: the first line is not a JSON object',
  header_too_long: 'the first line is longer than {kb} KB: not a CDR header',
  too_many_columns: '{n} columns: more than the {max} a CDR file may have',
  line_too_long: 'line {line} is {mb} MB long: lines above {max} MB are refused',
  dates_order_conflict:
    'dates disagree on their order: "{day}" is day-first, "{month}" month-first; give the order with dateFormat in a mapping file or --date-format, e.g. --date-format "%d/%m/%Y %H:%M:%S" (day first) or "%m/%d/%Y %H:%M:%S" (month first)',
  dates_order_ambiguous:
    'dates such as "{example}" could be day-first or month-first (no field above 12 in the file\'s {n} dates); give the order with --date-order day-first or --date-order month-first, or as a pattern with --date-format or dateFormat in a mapping file, e.g. --date-format "%d/%m/%Y %H:%M:%S" (day first)',
  dates_order_contradicts:
    'dates do not fit the order given ({order}): read that way, "{example}" would have a month above 12; nothing was loaded: check the file, or give the other --date-order, or none to let the file\'s own dates decide',
  dates_order_given: 'dates such as "{example}" read {order}, as given',
  missing_column: 'missing required column {columns} (header: {header})',
  missing_json_field: 'missing required field {columns} in every JSON line',
  missing_parquet_column: 'missing required column {columns} (Parquet column names must be canonical)',
  dim_scripts: '{stored} scripts rows: scripts stored; their opening lines show wherever the script appears.',
  dim_caller_numbers: '{stored} caller numbers rows: number tags re-applied to past calls by from-date.',
  dim_customers:
    '{stored} customers rows: customer segments and age bands re-applied to their calls; other columns are breakdown attributes.',
  // Written by ingests before the refused rows were counted by reason; still shown in their history.
  dim_refused: 'Refused rows: {reasons}.',
  dim_refused_key: '{n} row(s) refused: key column missing or empty.',
  dim_refused_tag: '{n} row(s) refused: number_tag missing.',
  dim_refused_date:
    '{n} row(s) refused: from_date not a date (e.g. "{example}", shown by its shape: 9 = a digit, a = letters).',
  insights_applied:
    'hang-up party and ring time set on {matched} stored call(s); summaries of calls not loaded yet apply when they arrive',
  could_not_read: 'could not be read: {error}',
  upload_interrupted: 'the server stopped before this upload was loaded; nothing was added: send the file again',
  upload_interrupted_at:
    'the server stopped before this upload was loaded (received from {at}); nothing was added: send the file again',
  inbox_not_read: 'inbox entry not read: {reason}',
  clickhouse_not_stored: 'not stored: shipping to ClickHouse failed ({reason}); the file can be ingested again',
  clickhouse_leftovers:
    'ClickHouse may hold part of it until the file is ingested again or the server restarts (which re-syncs)',
  deleted: 'calls deleted: {deleted} ({at})',
  deleted_kept: 'calls deleted: {deleted}; kept: {kept}, because other loaded files also hold them: {files} ({at})',
};

/** How each source of a file's own UTC offset is named: the {what} of the tz_* texts. */
export const OFFSET_SOURCES_EN: Record<OffsetSource, string> = {
  epochs: 'the epochs in the file (Asterisk uniqueid)',
  offsets: 'the offsets written in started_at',
};

/** How a date order given is named: the {order} of the dates_order_* texts. */
export const DATE_ORDERS_EN: Record<GivenDateOrder, string> = {
  'day-first': 'day first',
  'month-first': 'month first',
};

/**
 * What a format close to an unknown file lacked (unknown_format's {near}), one text per kind of
 * requirement (server/ingest/formats/explain.ts); the dashboard shows them as ingest.need.*.
 */
export const FORMAT_NEEDS_EN = {
  column: '{name}',
  column_or: '{a} or {b}',
  fields_between: '{min} to {max} fields without a header',
  fields_exactly: '{n} fields without a header',
  start_in_field: 'a start time in field {n}',
  disposition_in_field: 'a disposition in field {n}',
  disposition_list_in_field: 'a disposition (ANSWERED, NO ANSWER, ...) in field {n}',
  cause_in_field: 'a hang-up cause in field {n}',
  uuid_in_field: 'a uuid in field {n}',
  chinese_words: 'two Chinese header words (主叫号码, 被叫号码, 呼叫时间, 通话时长, ...)',
} as const;
export type FormatNeed = keyof typeof FORMAT_NEEDS_EN;
