import {
  DATE_ORDERS_EN,
  FORMAT_NEEDS_EN,
  INGEST_MESSAGES_EN,
  OFFSET_SOURCES_EN,
} from '../../../../server/contract/ingest-messages.en.ts';

/** `texts` keyed `${prefix}${key}`: the server's message texts as dictionary entries. */
function prefixed<P extends string, K extends string>(prefix: P, texts: Record<K, string>): Record<`${P}${K}`, string> {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [prefix + k, v])) as Record<`${P}${K}`, string>;
}

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
    'Counts on this page are for the whole database; only "calls matching the filters" follows the filter bar.',
  'upload.title': 'Add files',
  'upload.note':
    'Call records from any supported dialer, or scripts, caller-number and customer files. The format is detected from the content; each file loads once.',
  'upload.drop': 'Drop files here',
  'upload.choose': 'Choose files…',
  'upload.format': 'Format',
  'upload.formatAuto': 'Detect automatically',
  'upload.limit': 'Up to {limit} per file.',
  'upload.more': 'More options',
  // Shown when the server watches an inbox folder: its files get these options from a settings file, not from this form.
  'upload.inboxNote':
    'Files copied into the server\'s inbox folder load on their own, without this page. A folder\'s .hangup.json gives its files the same options, e.g. {"dateOrder": "day-first", "timezone": "Europe/London"} (README: Getting files in).',
  'upload.chosenMapping': 'mapping file: {file}',
  'upload.chosenTimezone': 'source timezone: {zone}',
  'upload.chosenDateOrder': 'date order: {order}',
  'upload.timezone': 'Source timezone',
  'upload.timezoneInfer': 'Infer from the file',
  'upload.timezoneNote':
    "The zone the file's times are in when they carry no offset. Inferred: the mapping file's timezone, else the offset the file itself states (Asterisk uniqueid epochs, offsets written in started_at), else the business timezone above. A file loaded in the wrong zone: delete its calls, then upload it again with its zone.",
  'upload.dateOrder': 'Date order',
  'upload.dateOrder.auto': "Auto (the file's dates decide)",
  'upload.dateOrder.day-first': 'Day first (e.g. 31/12/2026)',
  'upload.dateOrder.month-first': 'Month first (e.g. 12/31/2026)',
  'upload.dateOrderNote':
    'For dates written like 03/04/2026. Auto: a field above 12 shows the order; a file whose dates all fit both ways is refused until you choose. A file with a date the chosen order cannot read is refused, not misread.',
  'upload.mapping': 'Mapping file',
  'upload.mappingChoose': 'Choose a mapping file…',
  'upload.mappingNone': 'none',
  'upload.mappingClear': 'Remove',
  'upload.mappingBlocked': 'Choose another mapping file or remove it first (More options).',
  'upload.mappingNote':
    'A YAML or JSON file that reads an export no format knows (README, "Mapping files"): which column is the call id, the start, the disposition… It names the format itself, so Format is not used while one is chosen.',
  'upload.mapping.empty': 'The mapping file {file} is empty.',
  'upload.mapping.tooLarge': 'The mapping file {file} is larger than the server takes (200,000 characters, 256 KiB).',
  'upload.mapping.unreadable': 'Could not read the mapping file {file}: {reason}',
  'upload.err.mapping': 'The server refused the mapping file: {reason}',
  'upload.err.timezone': 'The server refused the source timezone: {reason}',
  'upload.err.dateOrder': 'The server refused the date order: {reason}',
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
  'upload.repeated': 'Already ingested as #{id} ({file}, {at}): nothing added.',
  'upload.failed': 'Not loaded',
  'upload.dismiss': 'Dismiss',
  'upload.rejectsLink': '↓ The {n} rejected calls, with reasons',
  'upload.err.tooLarge': 'The file is larger than the upload limit of {limit}.',
  'upload.err.tooLargeNoLimit': "The file is larger than the server's upload limit.",
  'upload.err.token': "The upload token is missing or wrong: enter the server's HANGUP_UPLOAD_TOKEN in 'Upload token'.",
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
  'data.timezoneHow': '{zone} ({how})',
  'data.actions': 'Rejects · actions',
  'data.rejectsDownload': '↓ Rejects',
  'data.delete': 'Delete calls',
  'data.deleteTitle': 'Delete the calls of {file}?',
  'data.deleteBody':
    'This removes the calls that ingest #{id} brought ({n} added), except calls another loaded file also holds: those stay. The file stays in the history as "deleted" and can be uploaded again.',
  'data.deleteConfirm': 'Delete {n} calls',
  'data.cancel': 'Cancel',
  'data.deleted': 'Deleted {n} calls of {file}.',
  'data.deleteFailed': 'Could not delete: {message}',
  'audit.title': 'Audit log',
  'audit.note': 'Every write, newest first: uploads, inbox files, deletions, user changes, uploads cut off by a stop.',
  'audit.at': 'When',
  'audit.actor': 'Who',
  'audit.actor.inbox': 'inbox',
  'audit.actor.server': 'server',
  'audit.actor.cli': 'command line: {user}',
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
  'audit.count.inserted': 'inserted',
  'audit.count.duplicates': 'duplicates',
  'audit.count.rejected': 'rejected',
  'audit.count.inbound': 'inbound',
  'audit.count.deleted': 'deleted',
  'audit.count.kept': 'kept',
  'audit.target.ingest': 'ingest #{id}',
  'audit.outcome.loaded': 'loaded',
  'audit.outcome.repeated': 'already loaded',
  'audit.outcome.failed': 'failed',
  'audit.outcome.deleted': 'deleted',
  'audit.outcome.added': 'added',
  'audit.outcome.removed': 'removed',
  'audit.outcome.refused': 'refused: {reason}',
  'audit.outcome.interrupted': 'interrupted: removed at start',
  // Ingest messages, one per part code: the server's English texts (server/contract/ingest-messages.en.ts).
  ...prefixed('ingest.msg.', INGEST_MESSAGES_EN),
  ...prefixed('ingest.msg.what.', OFFSET_SOURCES_EN),
  ...prefixed('ingest.msg.order.', DATE_ORDERS_EN),
  // The same for a reader of this page where the advice differs: it names the page's controls
  // (Format, More options), not the CLI's flags. Same {placeholders} as the server's texts.
  'ingest.web.unknown_format':
    'no known format: closest tried {near}. Header: {header}. If it is one of the listed formats, choose it under Format above and upload it again; otherwise write a mapping file for it (YAML or JSON), choose it under More options above and upload the file again',
  'ingest.web.unknown_format_no_header':
    'no known format: closest tried {near}. First line (a record, not a header: the file has none; its values are not shown, only their shape: 9 = a digit, a = letters): {header}. If it is one of the listed formats, choose it under Format above and upload it again; otherwise write a mapping file for it (YAML or JSON), choose it under More options above and upload the file again',
  'ingest.web.tz_not_whole_hour':
    "timezone: {what} say {offset} ({agree} of {evidence} rows), not a whole hour: read in {zone}; if that is wrong, delete this file's calls and upload it again with the zone's name (e.g. Asia/Kolkata) as its source timezone under More options",
  'ingest.web.tz_rows_disagree':
    "timezone: rows disagree on their UTC offset ({what} say {offset} ({agree} of {evidence} rows)): read in {zone}; if that is wrong, delete this file's calls and upload it again with its source timezone chosen under More options",
  'ingest.web.dates_order_conflict':
    'dates disagree on their order: "{day}" is day-first, "{month}" month-first; export the file again with one date format (best YYYY-MM-DD), or upload it again with a mapping file (More options) whose dateFormat names the order, e.g. dateFormat: "%d/%m/%Y %H:%M:%S" for day first',
  'ingest.web.dates_order_ambiguous':
    'dates such as "{example}" could be day-first or month-first (no field above 12 in the file\'s {n} dates); choose Day first or Month first under Date order in More options and upload the file again (or export it again with dates as YYYY-MM-DD)',
  'ingest.web.dates_order_contradicts':
    'dates do not fit the order given ({order}): read that way, "{example}" would have a month above 12; nothing was loaded: check the file, or choose the other order or Auto under Date order in More options and upload it again',
  // The parts of unknown_format's {near} and {header} (server/ingest/formats/explain.ts).
  'ingest.near': '{format} (missing {missing})',
  'ingest.near.join': ', ',
  'ingest.need.join': '; ',
  ...prefixed('ingest.need.', FORMAT_NEEDS_EN),
  'ingest.header': '{shown} ({total} columns)',
  'ingest.headerCut': '{shown}, … (+{rest} columns) ({total} columns)',
  // Refused-row reasons of dimension files ingested before they were counted by reason (dim_refused).
  'ingest.refused.key': 'key column missing or empty',
  'ingest.refused.tag': 'number_tag missing',
  'ingest.refused.date': 'from_date: not a date: "{value}"',
} as const;

export type DataMessageKey = keyof typeof dataEn;
