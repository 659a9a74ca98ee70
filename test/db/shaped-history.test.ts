import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { MessagePart } from '../../server/contract/ingests.ts';
import { publicMessage } from '../../server/ingest/public-message.ts';
import { shapedHistoryRow } from '../../server/ingest/shaped-history.ts';
import { openStore } from '../../server/store.ts';
import { SETTINGS } from '../helpers/temp-store.ts';

/**
 * Migration 003: the ingest history every signed-in viewer reads held values from users' files,
 * stored by versions before they were shaped (a headerless first line, DuckDB's error quoting a
 * cell, a dimension file's bad from_date). Opening such a database with this version shapes them,
 * in the keyed parts and in the English message, once.
 */

/** The values the old rows quote: none may reach GET /api/ingests. */
const VALUES = [
  'Lê',
  'Thị',
  'Hoa',
  'Khoản',
  'Zhang',
  'Li Si',
  'VIP',
  '13800138000',
  '13900139001',
  '412345678',
  '2019-07-22',
  '16:44:37',
];

const NEAR = 'canonical (missing call_id; started_at; disposition; ended_at or talk_seconds)';
const ADVICE = (file: string) =>
  `Write a starter mapping with \`npm run hangup -- mapping ${file}\`, edit it and pass it with --mapping, or name the format with --format`;
/** The current text's name for a first line that is a record (ingest-messages.en.ts). */
const FIRST_LINE =
  'First line (a record, not a header: the file has none; its values are not shown, only their shape: 9 = a digit, a = letters)';

const p = (code: MessagePart['code'], args: MessagePart['args'] = {}): MessagePart => ({ code, args });

/** Rows as the release before this one stored them: the English message and its parts. */
const KEYED: [id: number, file: string, message: string, parts: MessagePart[]][] = [
  // Before the shapes: a headerless first line quoted with its phone numbers masked (#), names as written.
  [
    1,
    'robot.csv',
    `no known format: closest tried ${NEAR}. First line (a record, not a header: the file has none): #, Lê Thị Hoa, chị, Khoản vay tiền mặt, #, #, , 2019-07-22 16:44:37, ANSWERED (9 columns). ${ADVICE('robot.csv')}`,
    [
      p('unknown_format_no_header', {
        near: NEAR,
        header: '#, Lê Thị Hoa, chị, Khoản vay tiền mặt, #, #, , 2019-07-22 16:44:37, ANSWERED (9 columns)',
        file: 'robot.csv',
        near1: '["canonical",[["column",{"name":"call_id"}]]]',
        headerShown: '#, Lê Thị Hoa, chị, Khoản vay tiền mặt, #, #, , 2019-07-22 16:44:37, ANSWERED',
        headerRest: 0,
        headerTotal: 9,
      }),
    ],
  ],
  // A first line without a date was taken for a header and quoted whole: a number and a name.
  [
    2,
    'leads.csv',
    `no known format: closest tried ${NEAR}. Header: 13800138000, Zhang San, VIP, 45 (4 columns). ${ADVICE('leads.csv')}`,
    [
      p('unknown_format', {
        near: NEAR,
        header: '13800138000, Zhang San, VIP, 45 (4 columns)',
        file: 'leads.csv',
        headerShown: '13800138000, Zhang San, VIP, 45',
        headerRest: 0,
        headerTotal: 4,
      }),
    ],
  ],
  [
    3,
    'shifted.csv',
    "could not be read: Conversion Error: Could not convert string '13900139001' to INT32 when casting from source column x",
    [
      p('could_not_read', {
        error: "Conversion Error: Could not convert string '13900139001' to INT32 when casting from source column x",
      }),
    ],
  ],
  [
    4,
    'numbers.csv',
    '1 caller numbers rows: number tags re-applied to past calls by from-date. 1 row(s) refused: from_date not a date (e.g. "Zhang San 13800138000").',
    [p('dim_caller_numbers', { stored: 1 }), p('dim_refused_date', { n: 1, example: 'Zhang San 13800138000' })],
  ],
  [
    5,
    'numbers_old.csv',
    '1 caller numbers rows: number tags re-applied to past calls by from-date. Refused rows: from_date: not a date: "Li Si"; key column missing or empty.',
    [
      p('dim_caller_numbers', { stored: 1 }),
      p('dim_refused', { reasons: 'from_date: not a date: "Li Si"; key column missing or empty' }),
    ],
  ],
  [
    6,
    'told.csv',
    'missing required column call_id, started_at (header: 412345678, Lê Thị Hoa, chị, 2019-07-22 16:44:37)',
    [
      p('missing_column', {
        columns: 'call_id, started_at',
        header: '412345678, Lê Thị Hoa, chị, 2019-07-22 16:44:37',
      }),
    ],
  ],
  [
    7,
    'mirror.csv',
    `not stored: shipping to ClickHouse failed (Cannot parse input: expected '"' before: 'Zhang San","callee":"13800138000"}'); the file can be ingested again`,
    [
      p('clickhouse_not_stored', {
        reason: `Cannot parse input: expected '"' before: 'Zhang San","callee":"13800138000"}'`,
      }),
    ],
  ],
  // Nothing from a file: a header quoted as written, an inferred timezone.
  [
    8,
    'german.csv',
    `no known format: closest tried ${NEAR}. Header: Kunde, Telefon, Beginn (3 columns). ${ADVICE('german.csv')}`,
    [
      p('unknown_format', {
        near: NEAR,
        header: 'Kunde, Telefon, Beginn (3 columns)',
        file: 'german.csv',
        headerShown: 'Kunde, Telefon, Beginn',
        headerRest: 0,
        headerTotal: 3,
      }),
    ],
  ],
  [
    9,
    'utc8.csv',
    'times read as UTC+08:00: the offsets written in started_at say +08:00 (6 of 6 rows)',
    [p('tz_inferred', { what: 'offsets', offset: '+08:00', agree: 6, evidence: 6 })],
  ],
];

/** What GET /api/ingests says of those rows once the database is opened by this version. */
const KEYED_SHAPED: Record<number, [message: string, parts: MessagePart[]]> = {
  1: [
    `no known format: closest tried ${NEAR}. ${FIRST_LINE}: #, a a a, a, a a a a, #, #, , 9999-99-99 99:99:99, a (9 columns). ${ADVICE('robot.csv')}`,
    [
      p('unknown_format_no_header', {
        near: NEAR,
        header: '#, a a a, a, a a a a, #, #, , 9999-99-99 99:99:99, a (9 columns)',
        file: 'robot.csv',
        near1: '["canonical",[["column",{"name":"call_id"}]]]',
        headerShown: '#, a a a, a, a a a a, #, #, , 9999-99-99 99:99:99, a',
        headerRest: 0,
        headerTotal: 9,
      }),
    ],
  ],
  // A record now, and said to be one.
  2: [
    `no known format: closest tried ${NEAR}. ${FIRST_LINE}: 99999999999, a a, a, 99 (4 columns). ${ADVICE('leads.csv')}`,
    [
      p('unknown_format_no_header', {
        near: NEAR,
        header: '99999999999, a a, a, 99 (4 columns)',
        file: 'leads.csv',
        headerShown: '99999999999, a a, a, 99',
        headerRest: 0,
        headerTotal: 4,
      }),
    ],
  ],
  3: [
    "could not be read: Conversion Error: Could not convert string '99999999999' to INT32 when casting from source column x",
    [
      p('could_not_read', {
        error: "Conversion Error: Could not convert string '99999999999' to INT32 when casting from source column x",
      }),
    ],
  ],
  4: [
    '1 caller numbers rows: number tags re-applied to past calls by from-date. 1 row(s) refused: from_date not a date (e.g. "a a 99999999999", shown by its shape: 9 = a digit, a = letters).',
    [p('dim_caller_numbers', { stored: 1 }), p('dim_refused_date', { n: 1, example: 'a a 99999999999' })],
  ],
  5: [
    '1 caller numbers rows: number tags re-applied to past calls by from-date. Refused rows: from_date: not a date: "a a"; key column missing or empty.',
    [
      p('dim_caller_numbers', { stored: 1 }),
      p('dim_refused', { reasons: 'from_date: not a date: "a a"; key column missing or empty' }),
    ],
  ],
  6: [
    'missing required column call_id, started_at (header: 999999999, a a a, a, 9999-99-99 99:99:99)',
    [p('missing_column', { columns: 'call_id, started_at', header: '999999999, a a a, a, 9999-99-99 99:99:99' })],
  ],
  7: [
    `not stored: shipping to ClickHouse failed (Cannot parse input: expected '"' before: 'a a","a":"99999999999"}'); the file can be ingested again`,
    [p('clickhouse_not_stored', { reason: `Cannot parse input: expected '"' before: 'a a","a":"99999999999"}'` })],
  ],
  8: [KEYED[7]![2], KEYED[7]![3]],
  9: [KEYED[8]![2], KEYED[8]![3]],
};

/** Rows of a database older than the keyed parts (migration 002): the English message only. */
const MESSAGE_ONLY: [id: number, message: string, shaped: string][] = [
  [
    1,
    "could not be read: Conversion Error: Could not convert string 'Zhang San' to INT32",
    "could not be read: Conversion Error: Could not convert string 'a a' to INT32",
  ],
  [
    2,
    `no known format: closest tried ${NEAR}. First line (a record, not a header: the file has none): #, Lê Thị Hoa, 2019-07-22 16:44:37 (3 columns). ${ADVICE('robot.csv')}`,
    `no known format: closest tried ${NEAR}. ${FIRST_LINE}: #, a a a, 9999-99-99 99:99:99 (3 columns). ${ADVICE('robot.csv')}`,
  ],
  [
    3,
    `no known format: closest tried ${NEAR}. Header: 13800138000, Zhang San, VIP, … (+2 columns) (5 columns). ${ADVICE('leads.csv')}`,
    `no known format: closest tried ${NEAR}. ${FIRST_LINE}: 99999999999, a a, a, … (+2 columns) (5 columns). ${ADVICE('leads.csv')}`,
  ],
  [
    4,
    'missing required column call_id, started_at (header: 412345678, Lê Thị Hoa, chị, 2019-07-22 16:44:37)',
    'missing required column call_id, started_at (header: 999999999, a a a, a, 9999-99-99 99:99:99)',
  ],
  [
    5,
    '2 caller numbers rows: number tags re-applied to past calls by from-date. Refused rows: from_date: not a date: "Zhang San"; key column missing or empty.',
    '2 caller numbers rows: number tags re-applied to past calls by from-date. Refused rows: from_date: not a date: "a a"; key column missing or empty.',
  ],
  [
    6,
    "not stored: shipping to ClickHouse failed (Cannot parse input: expected '\"' before: 'Li Si 13900139001'); the file can be ingested again",
    "not stored: shipping to ClickHouse failed (Cannot parse input: expected '\"' before: 'a a 99999999999'); the file can be ingested again",
  ],
  [
    7,
    `no known format: closest tried ${NEAR}. Header: Kunde, Telefon, Beginn (3 columns). ${ADVICE('german.csv')}`,
    `no known format: closest tried ${NEAR}. Header: Kunde, Telefon, Beginn (3 columns). ${ADVICE('german.csv')}`,
  ],
  [
    8,
    'already ingested as #3 (leads.csv, 2026-03-02 10:00:00+08); nothing added',
    'already ingested as #3 (leads.csv, 2026-03-02 10:00:00+08); nothing added',
  ],
];

const sq = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** ingest_log as the releases with keyed messages created it (queries/schema.sql before migration 003). */
const INGEST_LOG = `CREATE TABLE ingest_log (ingest_id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
  format VARCHAR NOT NULL, encoding VARCHAR, status VARCHAR NOT NULL, message VARCHAR, rows_read INTEGER NOT NULL,
  inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL, rejected INTEGER NOT NULL, rejects_path VARCHAR,
  extra_columns VARCHAR, started_at TIMESTAMPTZ NOT NULL, duration_ms INTEGER NOT NULL, message_parts VARCHAR)`;

describe('migration 003: values in the stored ingest history by their shape', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A database file as an older release left it: `statements` run on a fresh file. */
  async function oldDatabase(statements: string[]): Promise<string> {
    dir = mkdtempSync(join(tmpdir(), 'hangup-shaped-'));
    const path = join(dir, 'old.duckdb');
    const old = await DuckDBInstance.create(path);
    const con = await old.connect();
    for (const sql of statements) await con.run(sql);
    con.closeSync();
    old.closeSync();
    return path;
  }

  /** Opens the file with this version: GET /api/ingests (oldest first) and the stored rows. */
  async function open(path: string) {
    const store = await openStore(path, SETTINGS);
    try {
      const res = await createApp({ db: store.db, settings: store.settings }).request('/api/ingests');
      expect(res.status).toBe(200);
      const { ingests } = (await res.json()) as {
        ingests: { ingestId: number; message: string | null; messageParts: MessagePart[] | null }[];
      };
      const stored = await store.db.query<{ ingestId: number; message: string | null; messageParts: string | null }>(
        'SELECT ingest_id AS "ingestId", message, message_parts AS "messageParts" FROM ingest_log ORDER BY ingest_id',
      );
      const runs = await store.db.query<{ name: string }>(
        'SELECT name FROM schema_migrations WHERE version = 3 ORDER BY applied_at',
      );
      return { api: ingests.reverse(), stored, runs: runs.map((r) => r.name) };
    } finally {
      store.db.close();
    }
  }

  it('keyed rows of the release before: parts and message shaped alike, once; rows without values untouched', async () => {
    const path = await oldDatabase([
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      `INSERT INTO schema_migrations VALUES (1, 'migration_001_twilio_insights_summaries', now()),
         (2, 'migration_002_ingest_message_parts', now())`,
      INGEST_LOG,
      ...KEYED.map(
        ([id, file, message, parts]) =>
          `INSERT INTO ingest_log VALUES (${id}, ${sq(file)}, 'sha${id}', 'unknown', 'utf-8', 'failed', ${sq(message)},
           0, 0, 0, 0, NULL, NULL, TIMESTAMPTZ '2026-03-02 10:00:00+08', 5, ${sq(JSON.stringify(parts))})`,
      ),
    ]);
    const first = await open(path);
    const text = JSON.stringify(first.api);
    for (const v of VALUES) expect(text, v).not.toContain(v);
    const expected = KEYED.map(([id]) => [id, ...KEYED_SHAPED[id]!] as const);
    expect(first.stored.map((r) => [r.ingestId, r.message, JSON.parse(r.messageParts!)])).toEqual(expected);
    // The API caps a message at 300 characters (public-message.ts): the same text, cut.
    expect(first.api.map((r) => [r.ingestId, r.message, r.messageParts])).toEqual(
      expected.map(([id, message, parts]) => [id, publicMessage(message), parts]),
    );
    expect(first.runs).toEqual(['migration_003_ingest_values_shaped']);
    // Shaping a shape changes nothing, and a second open runs nothing.
    for (const row of first.stored) expect(shapedHistoryRow(row), `#${row.ingestId}`).toBeNull();
    const second = await open(path);
    expect(second.stored).toEqual(first.stored);
    expect(second.api).toEqual(first.api);
    expect(second.runs).toEqual(['migration_003_ingest_values_shaped']);
  });

  it('rows older than the keyed parts: the English message alone shaped', async () => {
    // ingest_log as issue 2 created it: no message_parts, no schema_migrations (migrations 001-003 all run).
    const path = await oldDatabase([
      `CREATE TABLE ingest_log (ingest_id INTEGER PRIMARY KEY, file_name VARCHAR NOT NULL, sha256 VARCHAR NOT NULL,
       format VARCHAR NOT NULL, encoding VARCHAR, status VARCHAR NOT NULL, message VARCHAR, rows_read INTEGER NOT NULL,
       inserted INTEGER NOT NULL, duplicates INTEGER NOT NULL, rejected INTEGER NOT NULL, rejects_path VARCHAR,
       extra_columns VARCHAR, started_at TIMESTAMPTZ NOT NULL, duration_ms INTEGER NOT NULL)`,
      ...MESSAGE_ONLY.map(
        ([id, message]) =>
          `INSERT INTO ingest_log VALUES (${id}, 'f${id}.csv', 'sha${id}', 'csv', 'utf-8', 'failed', ${sq(message)},
           0, 0, 0, 0, NULL, NULL, now(), 5)`,
      ),
    ]);
    const first = await open(path);
    const text = JSON.stringify(first.api);
    for (const v of VALUES) expect(text, v).not.toContain(v);
    expect(first.stored.map((r) => [r.ingestId, r.message, r.messageParts])).toEqual(
      MESSAGE_ONLY.map(([id, , shaped]) => [id, shaped, null]),
    );
    expect(first.api.map((r) => [r.ingestId, r.message, r.messageParts])).toEqual(
      MESSAGE_ONLY.map(([id, , shaped]) => [id, publicMessage(shaped), null]),
    );
    for (const row of first.stored) expect(shapedHistoryRow(row), `#${row.ingestId}`).toBeNull();
    const second = await open(path);
    expect(second.stored).toEqual(first.stored);
    expect(second.runs).toEqual(['migration_003_ingest_values_shaped']);
  });
});
