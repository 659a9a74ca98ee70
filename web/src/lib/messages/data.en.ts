/**
 * English text of the Data page (what is stored, uploads, deletes, audit log). Kept out of en.ts
 * so the first page load does not carry it: the Data page loads it with its own chunk.
 */
export const dataEn = {
  'data.title': 'What is in the database',
  'data.range': 'Date range',
  'data.total': 'Calls stored',
  'data.matching': 'Calls matching the filters',
  'data.timezone': 'Business timezone',
  'data.history': 'Files ingested',
  'data.file': 'File',
  'data.when': 'Ingested at',
  'data.status': 'Status',
  'data.format': 'Format',
  'data.rowsRead': 'Rows read',
  'data.inserted': 'Inserted',
  'data.duplicates': 'Duplicates',
  'data.rejected': 'Rejected',
  'data.message': 'Message',
  'data.noIngests': 'No files ingested yet.',
  'data.filtersNote':
    'Counts on this page are for the whole database; only “calls matching the filters” follows the filter bar.',
  'upload.title': 'Add files',
  'upload.note':
    'Call records from any supported dialer, or scripts, caller-number and customer files. The format is detected from the content; each file loads once.',
  'upload.drop': 'Drop files here',
  'upload.choose': 'Choose files…',
  'upload.format': 'Format',
  'upload.formatAuto': 'Detect automatically',
  'upload.limit': 'Up to {limit} per file.',
  'upload.token': 'Upload token',
  'upload.tokenNote':
    'This server asks for its upload token (HANGUP_UPLOAD_TOKEN) to upload or delete. It is kept in this browser tab only.',
  'upload.tokenNeeded': 'Enter the upload token first.',
  'upload.off': 'Uploads and deletions are off on this server.',
  'upload.statusError': 'Could not ask the server whether uploads are on: {message}',
  'upload.phase.uploading': 'Sending',
  'upload.phase.queued': 'Waiting',
  'upload.phase.hashing': 'Checking whether it was loaded before',
  'upload.phase.transcoding': 'Converting from GB18030',
  'upload.phase.reading': 'Reading rows',
  'upload.phase.checking': 'Checking rows',
  'upload.phase.storing': 'Storing calls',
  'upload.phase.working': 'Working',
  'upload.phase.done': 'Done',
  'upload.loaded': 'Loaded as #{id} · {format} · {time}',
  'upload.repeated': 'Already ingested as #{id}: nothing added.',
  'upload.failed': 'Not loaded',
  'upload.dismiss': 'Dismiss',
  'upload.rejectsLink': '↓ {n} rejected rows (CSV)',
  'upload.err.tooLarge': 'The file is larger than the upload limit of {limit}.',
  'upload.err.tooLargeNoLimit': 'The file is larger than the server’s upload limit.',
  'upload.err.token': 'The upload token is missing or wrong: enter the server’s HANGUP_UPLOAD_TOKEN in “Upload token”.',
  'upload.err.off': 'Uploads and deletions are off on this server: {reason}',
  'upload.err.refused': 'The server refused: {reason}',
  'upload.err.network': 'Could not reach the server: {reason}',
  'upload.err.server': 'The server answered HTTP {status}: {reason}',
  'upload.err.unreadable': 'The file could not be read: {reason}',
  'upload.err.lost': 'The server no longer knows this upload (was it restarted?); see the history below.',
  'data.detectedFormat': 'Detected format',
  'data.calls': 'Calls',
  'data.folded': 'Folded rows',
  'data.unknownParty': 'Unknown hang-up party',
  'data.duration': 'Time taken',
  'data.actions': 'Rejects · actions',
  'data.rejectsDownload': '↓ Rejects',
  'data.delete': 'Delete calls',
  'data.deleteTitle': 'Delete the calls of {file}?',
  'data.deleteBody':
    'This removes the calls that ingest #{id} brought ({n} added), except calls another loaded file also holds: those stay. The file stays in the history as “deleted” and can be uploaded again.',
  'data.deleteConfirm': 'Delete {n} calls',
  'data.cancel': 'Cancel',
  'data.deleted': 'Deleted {n} calls of {file}.',
  'data.deleteFailed': 'Could not delete: {message}',
  'audit.title': 'Audit log',
  'audit.note': 'Every write, newest first: uploads, inbox files, deletions, user changes, uploads cut off by a stop.',
  'audit.at': 'When',
  'audit.actor': 'Who',
  'audit.action': 'What',
  'audit.file': 'File',
  'audit.counts': 'Counts',
  'audit.outcome': 'Outcome',
  'audit.empty': 'Nothing has been written yet.',
  'audit.action.upload': 'upload',
  'audit.action.ingest': 'command-line ingest',
  'audit.action.inbox': 'inbox file',
  'audit.action.delete': 'delete',
  'audit.action.user_add': 'user added',
  'audit.action.user_remove': 'user removed',
  'audit.action.interrupted': 'interrupted upload',
  // Ingest messages, one per part code (server/contract/ingests.ts INGEST_MESSAGE_CODES); {what} is an ingest.msg.what.* text.
  'ingest.msg.repeated': 'already ingested as #{id} ({file}, {at}); nothing added',
  'ingest.msg.tz_inferred': 'times read as UTC{offset}: {what} say {offset} ({agree} of {evidence} rows)',
  'ingest.msg.tz_told_disagrees':
    'timezone: read in {given} as told, but {what} say {offset} ({agree} of {evidence} rows)',
  'ingest.msg.tz_not_whole_hour':
    "timezone: {what} say {offset} ({agree} of {evidence} rows), not a whole hour: read in {zone}; give --timezone with the zone's name (e.g. Asia/Kolkata)",
  'ingest.msg.tz_rows_disagree':
    'timezone: rows disagree on their UTC offset ({what} say {offset} ({agree} of {evidence} rows)): read in {zone}; give --timezone',
  'ingest.msg.what.epochs': 'the epochs in the file (Asterisk uniqueid)',
  'ingest.msg.what.offsets': 'the offsets written in started_at',
  'ingest.msg.unknown_format':
    'no known format: closest tried {near}. Header: {header}. Write a starter mapping with `npm run hangup -- mapping {file}`, edit it and pass it with --mapping, or name the format with --format',
  'ingest.msg.unknown_format_no_header':
    'no known format: closest tried {near}. First line (a record, not a header: the file has none): {header}. Write a starter mapping with `npm run hangup -- mapping {file}`, edit it and pass it with --mapping, or name the format with --format',
  'ingest.msg.unknown_format_name': 'unknown format "{format}"',
  'ingest.msg.bad_timezone': 'bad timezone "{zone}"',
  'ingest.msg.bad_encoding':
    'not UTF-8 or GB18030/GBK text: invalid byte {byte} at offset {offset} (line {line}); re-export as UTF-8',
  'ingest.msg.bad_encoding_gzip':
    'not UTF-8 or GB18030/GBK text: invalid byte {byte} at decompressed offset {offset} (line {line}); re-export as UTF-8',
  'ingest.msg.empty_file': 'the file is empty',
  'ingest.msg.gzip_parquet': 'gzip-compressed Parquet is not supported; Parquet compresses itself',
  'ingest.msg.gzip_bad_header': 'gzip header found but the data does not decompress',
  'ingest.msg.gzip_truncated':
    'gzip file truncated: the compressed data ends at byte {size} before its CRC and length trailer; the file is incomplete',
  'ingest.msg.gzip_corrupt': 'gzip data corrupt ({error}) within the first {bytes} bytes',
  'ingest.msg.utf16': 'UTF-16 text is not supported: save the export as UTF-8 or GB18030',
  'ingest.msg.binary': 'binary content: not a CDR text file',
  'ingest.msg.json_array': 'a JSON array file: write one JSON object per line (JSON lines) instead',
  'ingest.msg.not_json_lines': 'not JSON lines: the first line is not a JSON object',
  'ingest.msg.header_too_long': 'the first line is longer than {kb} KB: not a CDR header',
  'ingest.msg.too_many_columns': '{n} columns: more than the {max} a CDR file may have',
  'ingest.msg.line_too_long': 'line {line} is {mb} MB long: lines above {max} MB are refused',
  'ingest.msg.dates_order_conflict':
    'dates disagree on their order: "{day}" is day-first, "{month}" month-first; give the order with dateFormat in a mapping file or --date-format, e.g. --date-format "%d/%m/%Y %H:%M:%S" (day first) or "%m/%d/%Y %H:%M:%S" (month first)',
  'ingest.msg.dates_order_ambiguous':
    'dates such as "{example}" could be day-first or month-first (no field above 12 in the file\'s {n} dates); give the order with dateFormat in a mapping file or --date-format, e.g. --date-format "%d/%m/%Y %H:%M:%S" (day first) or "%m/%d/%Y %H:%M:%S" (month first)',
  'ingest.msg.missing_column': 'missing required column {columns} (header: {header})',
  'ingest.msg.missing_json_field': 'missing required field {columns} in every JSON line',
  'ingest.msg.missing_parquet_column': 'missing required column {columns} (Parquet column names must be canonical)',
  'ingest.msg.dim_scripts':
    '{stored} scripts rows: scripts stored; their opening lines show wherever the script appears.',
  'ingest.msg.dim_caller_numbers': '{stored} caller numbers rows: number tags re-applied to past calls by from-date.',
  'ingest.msg.dim_customers':
    '{stored} customers rows: customer segments and age bands re-applied to their calls; other columns are breakdown attributes.',
  'ingest.msg.dim_refused': 'Refused rows: {reasons}.',
  'ingest.msg.insights_applied':
    'hang-up party and ring time set on {matched} stored call(s); summaries of calls not loaded yet apply when they arrive',
  'ingest.msg.could_not_read': 'could not be read: {error}',
  'ingest.msg.upload_interrupted':
    'the server stopped before this upload was loaded; nothing was added: send the file again',
  'ingest.msg.upload_interrupted_at':
    'the server stopped before this upload was loaded (received from {at}); nothing was added: send the file again',
  'ingest.msg.inbox_not_read': 'inbox entry not read: {reason}',
  'ingest.msg.clickhouse_not_stored':
    'not stored: shipping to ClickHouse failed ({reason}); the file can be ingested again',
  'ingest.msg.clickhouse_leftovers':
    'ClickHouse may hold part of it until the file is ingested again or the server restarts (which re-syncs)',
  'ingest.msg.deleted': 'calls deleted: {deleted} ({at})',
  'ingest.msg.deleted_kept':
    'calls deleted: {deleted}; kept: {kept}, because other loaded files also hold them: {files} ({at})',
} as const;

export type DataMessageKey = keyof typeof dataEn;
