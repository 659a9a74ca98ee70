import { INGEST_MESSAGES_EN, OFFSET_SOURCES_EN } from '../../../../server/contract/ingest-messages.en.ts';

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
  'upload.rejectsLink': '↓ {n} rejected rows (CSV)',
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
  // Ingest messages, one per part code: the server's English texts (server/contract/ingest-messages.en.ts).
  ...prefixed('ingest.msg.', INGEST_MESSAGES_EN),
  ...prefixed('ingest.msg.what.', OFFSET_SOURCES_EN),
} as const;

export type DataMessageKey = keyof typeof dataEn;
