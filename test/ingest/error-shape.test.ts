import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorShape } from '../../server/contract/error-shape.ts';

/**
 * DuckDB's own error texts, produced here by running it on bad input (@duckdb/node-api as pinned):
 * the first line, as an ingest keeps it, before and after errorShape.
 */
describe('errorShape: values quoted by a DuckDB error, by their shape', () => {
  let dir = '';
  let con: DuckDBConnection;
  let db: DuckDBInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hangup-errshape-'));
    db = await DuckDBInstance.create(':memory:');
    con = await db.connect();
  });
  afterAll(() => {
    con.closeSync();
    db.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The first line of the error `sql` raises. */
  async function errorOf(sql: string): Promise<string> {
    try {
      await con.run(sql);
    } catch (err) {
      return (err as Error).message.split('\n')[0]!;
    }
    throw new Error(`no error from ${sql}`);
  }

  const CASES: [sql: string, raw: string, shaped: string][] = [
    // A cast of a cell: the value in single quotes, the type kept.
    [
      "SELECT CAST('Zhang San' AS INTEGER)",
      "Conversion Error: Could not convert string 'Zhang San' to INT32",
      "Conversion Error: Could not convert string 'a a' to INT32",
    ],
    // The path of a real ingest (a phone number in a duration, test/ingest/values-shaped.test.ts).
    [
      "SELECT list_transform(string_split('13900139001:05', ':'), x -> x::INTEGER)",
      "Conversion Error: Could not convert string '13900139001' to INT32 when casting from source column x",
      "Conversion Error: Could not convert string '99999999999' to INT32 when casting from source column x",
    ],
    [
      "SELECT CAST('Phạm Thành Nam' AS BIGINT)",
      "Conversion Error: Could not convert string 'Phạm Thành Nam' to INT64",
      "Conversion Error: Could not convert string 'a a a' to INT64",
    ],
    [
      "SELECT CAST('+86 138-0013-8000' AS BIGINT)",
      "Conversion Error: Could not convert string '+86 138-0013-8000' to INT64",
      "Conversion Error: Could not convert string '+99 999-9999-9999' to INT64",
    ],
    // DuckDB does not escape a quote inside the value: the value still ends at the last quote.
    [
      "SELECT CAST('O''Brien' AS INTEGER)",
      "Conversion Error: Could not convert string 'O'Brien' to INT32",
      "Conversion Error: Could not convert string 'a'a' to INT32",
    ],
    // An Asterisk caller id in a time column: quotes inside the value, DuckDB's words after it kept.
    [
      `SELECT CAST('"Test User" <105>' AS TIMESTAMP)`,
      'Conversion Error: invalid timestamp field format: ""Test User" <105>", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH[:MM[:SS]]| ZONE])',
      'Conversion Error: invalid timestamp field format: ""a a" <999>", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH[:MM[:SS]]| ZONE])',
    ],
    [
      `SELECT CAST('"Test User" <105>' AS DECIMAL(18,3))`,
      'Conversion Error: Could not convert string ""Test User" <105>" to DECIMAL(18,3)',
      'Conversion Error: Could not convert string ""a a" <999>" to DECIMAL(18,3)',
    ],
    // Double quotes, the type after it as written.
    [
      "SELECT CAST('Zhang San' AS DECIMAL(18,3))",
      'Conversion Error: Could not convert string "Zhang San" to DECIMAL(18,3)',
      'Conversion Error: Could not convert string "a a" to DECIMAL(18,3)',
    ],
    [
      "SELECT CAST('Zhang San' AS TIMESTAMP)",
      'Conversion Error: invalid timestamp field format: "Zhang San", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH[:MM[:SS]]| ZONE])',
      'Conversion Error: invalid timestamp field format: "a a", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH[:MM[:SS]]| ZONE])',
    ],
    [
      "SELECT CAST('2026-02-30 10:00:00+08' AS TIMESTAMPTZ)",
      'Conversion Error: timestamp field value out of range: "2026-02-30 10:00:00+08"',
      'Conversion Error: timestamp field value out of range: "9999-99-99 99:99:99+99"',
    ],
    [
      "SELECT CAST('Li Si' AS TIME)",
      'Conversion Error: time field value out of range: "Li Si", expected format is ([YYYY-MM-DD ]HH:MM:SS[.MS])',
      'Conversion Error: time field value out of range: "a a", expected format is ([YYYY-MM-DD ]HH:MM:SS[.MS])',
    ],
    // The format specifier is the mapping's, not the file's: kept.
    [
      "SELECT strptime('Zhang San', '%Y-%m-%d')",
      'Invalid Input Error: Could not parse string "Zhang San" according to format specifier "%Y-%m-%d"',
      'Invalid Input Error: Could not parse string "a a" according to format specifier "%Y-%m-%d"',
    ],
    // Unquoted values.
    [
      'SELECT CAST(13800138000 AS INTEGER)',
      "Conversion Error: Type INT64 with value 13800138000 can't be cast because the value is out of range for the destination type INT32",
      "Conversion Error: Type INT64 with value 99999999999 can't be cast because the value is out of range for the destination type INT32",
    ],
    [
      "SELECT CAST('Zhang San' AS INTEGER[])",
      "Conversion Error: Type VARCHAR with value 'Zhang San' can't be cast to the destination type INTEGER[]",
      "Conversion Error: Type VARCHAR with value 'a a' can't be cast to the destination type INTEGER[]",
    ],
    [
      'SELECT make_date(2026, 13, 45)',
      'Conversion Error: Date out of range: 2026-13-45',
      'Conversion Error: Date out of range: 9999-99-99',
    ],
    // A JSON line: its text after Input:, quotes and all; the byte offset kept.
    [
      `SELECT '{"callee": Zhang San 13800138000}'::JSON`,
      'Conversion Error: Malformed JSON at byte 11 of input: unexpected character.  Input: "{"callee": Zhang San 13800138000}"',
      'Conversion Error: Malformed JSON at byte 11 of input: unexpected character.  Input: "{"a": a a 99999999999}"',
    ],
    [
      "CREATE TEMP TABLE k (id VARCHAR PRIMARY KEY); INSERT INTO k VALUES ('13800138000'), ('13800138000')",
      'Constraint Error: PRIMARY KEY or UNIQUE constraint violation: duplicate key "13800138000"',
      'Constraint Error: PRIMARY KEY or UNIQUE constraint violation: duplicate key "99999999999"',
    ],
    // Names are not values: a column, and no value at all.
    [
      'SELECT callee FROM (SELECT 1 AS caller)',
      'Binder Error: Referenced column "callee" not found in FROM clause!',
      'Binder Error: Referenced column "callee" not found in FROM clause!',
    ],
  ];

  it.each(CASES)('%s', async (sql, raw, shaped) => {
    const error = await errorOf(sql);
    expect(error).toBe(raw); // the text DuckDB writes (a newer DuckDB may word it otherwise: look again)
    expect(errorShape(error)).toBe(shaped);
    expect(errorShape(shaped), 'shaping a shape changes nothing').toBe(shaped);
  });

  it("a CSV reader's error: the file's line number, the file name and DuckDB's words kept", async () => {
    const path = join(dir, 'calls.csv');
    writeFileSync(path, 'id,talk\n1,5\n2,Zhang San\n');
    const error = await errorOf(`SELECT * FROM read_csv('${path}', columns = {'id': 'INTEGER', 'talk': 'INTEGER'})`);
    expect(error).toBe('Conversion Error: CSV Error on Line: 3');
    expect(errorShape(error)).toBe(error);
    const json = join(dir, 'calls.jsonl');
    writeFileSync(json, '{"id": 1}\n{"id": Zhang San}\n');
    const bad = await errorOf(`SELECT * FROM read_json('${json}')`);
    expect(bad).toBe(
      `Invalid Input Error: Malformed JSON in file "${json}", at byte 8 in line 3: unexpected character. `,
    );
    expect(errorShape(bad)).toBe(bad);
  });

  it('a text cut at its cap inside a value: the rest of it shaped; errors without values unchanged', () => {
    expect(errorShape("Conversion Error: Could not convert string 'Zhang San Li Si 1380013")).toBe(
      "Conversion Error: Could not convert string 'a a a a 9999999",
    );
    for (const text of [
      'Invalid Input Error: No magic bytes found at end of file',
      'not UTF-8 or GB18030/GBK text (invalid byte 0x20 at offset 1)',
      "Not implemented Error: Unknown TimeZone 'UTC+09:30'!",
      'connection reset after the batch was sent', // the ClickHouse mirror's reason (test/clickhouse/ingest.test.ts)
    ])
      expect(errorShape(text)).toBe(text);
  });
});
