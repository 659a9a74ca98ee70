/**
 * The English message of every ingest part is rendered from the one set of templates
 * (server/contract/ingest-messages.en.ts). Each expected text below is what the server's
 * hand-written sentence produced before the templates were shared: the message stays
 * byte-for-byte the same (CLI, .errors.txt and tests read it).
 */
import { describe, expect, it } from 'vitest';
import { renderIngestMessage, renderPart } from '../../server/contract/ingest-message-text.ts';
import { INGEST_MESSAGE_CODES, type MessagePart } from '../../server/contract/ingests.ts';
import { deleteMessage } from '../../server/ingest/delete-ingest.ts';

const p = (code: MessagePart['code'], args: MessagePart['args'] = {}): MessagePart => ({ code, args });
const EPOCHS = { what: 'epochs', offset: '+03:00', agree: 14, evidence: 14 };
const FORMAT = { near: 'canonical (missing disposition)', header: 'a, b (2 columns)', file: 'acme_dialer.csv' };
const AT = '2026-03-02T02:00:00.000Z';

/** One part of each code (the two that only follow another part are in the next list) and its old text. */
const ALONE: [MessagePart, string][] = [
  [
    p('repeated', { id: 12, file: 'a.csv', at: '2026-03-02 10:00:00+08' }),
    'already ingested as #12 (a.csv, 2026-03-02 10:00:00+08); nothing added',
  ],
  [
    p('tz_inferred', EPOCHS),
    'times read as UTC+03:00: the epochs in the file (Asterisk uniqueid) say +03:00 (14 of 14 rows)',
  ],
  [
    p('tz_told_disagrees', { ...EPOCHS, given: 'UTC' }),
    'timezone: read in UTC as told, but the epochs in the file (Asterisk uniqueid) say +03:00 (14 of 14 rows)',
  ],
  [
    p('tz_not_whole_hour', { what: 'offsets', offset: '+05:30', agree: 10, evidence: 10, zone: 'Asia/Shanghai' }),
    "timezone: the offsets written in started_at say +05:30 (10 of 10 rows), not a whole hour: read in Asia/Shanghai; give --timezone with the zone's name (e.g. Asia/Kolkata)",
  ],
  [
    p('tz_rows_disagree', { ...EPOCHS, zone: 'Asia/Shanghai' }),
    'timezone: rows disagree on their UTC offset (the epochs in the file (Asterisk uniqueid) say +03:00 (14 of 14 rows)): read in Asia/Shanghai; give --timezone',
  ],
  [
    p('unknown_format', FORMAT),
    'no known format: closest tried canonical (missing disposition). Header: a, b (2 columns). Write a starter mapping with `npm run hangup -- mapping acme_dialer.csv`, edit it and pass it with --mapping, or name the format with --format',
  ],
  [
    p('unknown_format_no_header', FORMAT),
    'no known format: closest tried canonical (missing disposition). First line (a record, not a header: the file has none; its values are not shown, only their shape: 9 = a digit, a = letters): a, b (2 columns). Write a starter mapping with `npm run hangup -- mapping acme_dialer.csv`, edit it and pass it with --mapping, or name the format with --format',
  ],
  [p('unknown_format_name', { format: 'nope' }), 'unknown format "nope"'],
  [p('bad_timezone', { zone: 'Mars/Olympus' }), 'bad timezone "Mars/Olympus"'],
  [
    p('bad_encoding', { byte: '0xa5', offset: 11777, line: 41 }),
    'not UTF-8 or GB18030/GBK text: invalid byte 0xa5 at offset 11777 (line 41); re-export as UTF-8',
  ],
  [
    p('bad_encoding_gzip', { byte: '0xa5', offset: 11777, line: 41 }),
    'not UTF-8 or GB18030/GBK text: invalid byte 0xa5 at decompressed offset 11777 (line 41); re-export as UTF-8',
  ],
  [p('empty_file'), 'the file is empty'],
  [p('gzip_parquet'), 'gzip-compressed Parquet is not supported; Parquet compresses itself'],
  [p('gzip_bad_header'), 'gzip header found but the data does not decompress'],
  [
    p('gzip_truncated', { size: 1234 }),
    'gzip file truncated: the compressed data ends at byte 1234 before its CRC and length trailer; the file is incomplete',
  ],
  [
    p('gzip_corrupt', { error: 'incorrect header check', bytes: 65536 }),
    'gzip data corrupt (incorrect header check) within the first 65536 bytes',
  ],
  [p('utf16'), 'UTF-16 text is not supported: save the export as UTF-8 or GB18030'],
  [p('binary'), 'binary content: not a CDR text file'],
  [p('json_array'), 'a JSON array file: write one JSON object per line (JSON lines) instead'],
  [p('not_json_lines'), 'not JSON lines: the first line is not a JSON object'],
  [p('header_too_long', { kb: 64 }), 'the first line is longer than 64 KB: not a CDR header'],
  [p('too_many_columns', { n: 2500, max: 2000 }), '2500 columns: more than the 2000 a CDR file may have'],
  [p('line_too_long', { line: '7', mb: '17', max: 16 }), 'line 7 is 17 MB long: lines above 16 MB are refused'],
  [
    p('dates_order_conflict', { day: '13/02/2026', month: '02/13/2026' }),
    'dates disagree on their order: "13/02/2026" is day-first, "02/13/2026" month-first; give the order with dateFormat in a mapping file or --date-format, e.g. --date-format "%d/%m/%Y %H:%M:%S" (day first) or "%m/%d/%Y %H:%M:%S" (month first)',
  ],
  [
    p('dates_order_ambiguous', { example: '01/02/2026', n: 30 }),
    'dates such as "01/02/2026" could be day-first or month-first (no field above 12 in the file\'s 30 dates); give the order with --date-order day-first or --date-order month-first, or as a pattern with --date-format or dateFormat in a mapping file, e.g. --date-format "%d/%m/%Y %H:%M:%S" (day first)',
  ],
  [
    p('dates_order_contradicts', { order: 'month-first', example: '25/12/2026 10:00' }),
    'dates do not fit the order given (month first): read that way, "25/12/2026 10:00" would have a month above 12; nothing was loaded: check the file, or give the other --date-order, or none to let the file\'s own dates decide',
  ],
  [
    p('dates_order_given', { order: 'day-first', example: '12/05/2026' }),
    'dates such as "12/05/2026" read day first, as given',
  ],
  [
    p('missing_column', { columns: 'disposition, talk_seconds', header: 'call_id, started_at' }),
    'missing required column disposition, talk_seconds (header: call_id, started_at)',
  ],
  [
    p('missing_json_field', { columns: 'disposition, talk_seconds' }),
    'missing required field disposition, talk_seconds in every JSON line',
  ],
  [
    p('missing_parquet_column', { columns: 'disposition, talk_seconds' }),
    'missing required column disposition, talk_seconds (Parquet column names must be canonical)',
  ],
  [
    p('dim_scripts', { stored: 5 }),
    '5 scripts rows: scripts stored; their opening lines show wherever the script appears.',
  ],
  [p('dim_caller_numbers', { stored: 5 }), '5 caller numbers rows: number tags re-applied to past calls by from-date.'],
  [
    p('dim_customers', { stored: 5 }),
    '5 customers rows: customer segments and age bands re-applied to their calls; other columns are breakdown attributes.',
  ],
  [
    p('insights_applied', { matched: 3 }),
    'hang-up party and ring time set on 3 stored call(s); summaries of calls not loaded yet apply when they arrive',
  ],
  [
    p('could_not_read', { error: 'Invalid Input Error: No magic bytes found' }),
    'could not be read: Invalid Input Error: No magic bytes found',
  ],
  [p('upload_interrupted'), 'the server stopped before this upload was loaded; nothing was added: send the file again'],
  [
    p('upload_interrupted_at', { at: AT }),
    'the server stopped before this upload was loaded (received from 2026-03-02T02:00:00.000Z); nothing was added: send the file again',
  ],
  [p('inbox_not_read', { reason: 'not a regular file' }), 'inbox entry not read: not a regular file'],
  [
    p('clickhouse_not_stored', { reason: 'Connection refused' }),
    'not stored: shipping to ClickHouse failed (Connection refused); the file can be ingested again',
  ],
  [p('deleted', { deleted: 4, at: AT }), 'calls deleted: 4 (2026-03-02T02:00:00.000Z)'],
  [
    p('deleted_kept', { deleted: 4, kept: 1, files: '#3 b.csv (1)', at: AT }),
    'calls deleted: 4; kept: 1, because other loaded files also hold them: #3 b.csv (1) (2026-03-02T02:00:00.000Z)',
  ],
];

/** Messages of two parts, as the old code wrote them. */
const JOINED: [MessagePart[], string][] = [
  [
    [p('dim_customers', { stored: 5 }), p('dim_refused', { reasons: 'no customer id (1)' })],
    '5 customers rows: customer segments and age bands re-applied to their calls; other columns are breakdown attributes. Refused rows: no customer id (1).',
  ],
  [
    [
      p('dim_caller_numbers', { stored: 3 }),
      p('dim_refused_key', { n: 2 }),
      p('dim_refused_tag', { n: 1 }),
      p('dim_refused_date', { n: 4, example: '9999-99-99' }),
    ],
    '3 caller numbers rows: number tags re-applied to past calls by from-date. 2 row(s) refused: key column missing or empty. 1 row(s) refused: number_tag missing. 4 row(s) refused: from_date not a date (e.g. "9999-99-99", shown by its shape: 9 = a digit, a = letters).',
  ],
  [
    [p('clickhouse_not_stored', { reason: 'Connection refused' }), p('clickhouse_leftovers')],
    'not stored: shipping to ClickHouse failed (Connection refused); the file can be ingested again; ClickHouse may hold part of it until the file is ingested again or the server restarts (which re-syncs)',
  ],
];

describe('English ingest messages from the shared templates', () => {
  it('every code is rendered here, alone or after another part', () => {
    const codes = new Set([
      ...ALONE.map(([part]) => part.code),
      ...JOINED.flatMap(([parts]) => parts.map((x) => x.code)),
    ]);
    expect([...codes].sort()).toEqual([...INGEST_MESSAGE_CODES].sort());
  });

  it.each(ALONE)('%j reads as the old sentence', (part, old) => {
    expect(renderPart(part)).toBe(old);
    expect(renderIngestMessage([part])).toBe(old);
  });

  it.each(JOINED)('%j: parts joined by "; ", by a space after a full sentence', (parts, old) => {
    expect(renderIngestMessage(parts)).toBe(old);
  });

  it('the answer to a delete is its history note without the time', () => {
    expect(deleteMessage(4, [])).toBe('calls deleted: 4');
    expect(deleteMessage(4, [{ ingestId: 3, fileName: 'b.csv', calls: 1 }])).toBe(
      'calls deleted: 4; kept: 1, because other loaded files also hold them: #3 b.csv (1)',
    );
  });

  it('arguments are filled as given: $ patterns, braces and an unknown source stay literal', () => {
    expect(renderPart(p('could_not_read', { error: "$& $' {error} $1" }))).toBe("could not be read: $& $' {error} $1");
    expect(renderPart(p('tz_inferred', { ...EPOCHS, what: 'sundials' }))).toBe(
      'times read as UTC+03:00: sundials say +03:00 (14 of 14 rows)',
    );
    expect(renderIngestMessage([])).toBe('');
  });
});
