import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { READ_SETTINGS, type ChEngine } from '../../server/clickhouse/engine.ts';
import type { ChValue } from '../../server/clickhouse/literal.ts';

const SETTINGS = ` SETTINGS ${Object.entries(READ_SETTINGS)
  .map(([k, v]) => `${k} = ${v}`)
  .join(', ')}`;

/**
 * chDB (a current ClickHouse engine in-process, from npm) behind the same interface as a server:
 * the tests run every generated query on it too, with real query parameters.
 */
export class ChdbEngine implements ChEngine {
  readonly label = 'chdb';
  private readonly dir = mkdtempSync(join(tmpdir(), 'hangup-chdb-'));
  private readonly session = new Session(this.dir);

  async select<T>(sql: string, queryParams: Record<string, ChValue> | null): Promise<T[]> {
    const text = sql + SETTINGS;
    const res =
      queryParams && Object.keys(queryParams).length
        ? await this.session.queryBindAsync(text, queryParams, { format: 'JSONEachRow' })
        : await this.session.queryAsync(text, { format: 'JSONEachRow' });
    const body = res.text().trim();
    return body ? body.split('\n').map((l) => JSON.parse(l) as T) : [];
  }

  async command(sql: string): Promise<void> {
    await this.session.queryAsync(sql, { format: 'TabSeparated' });
  }

  async insert(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.session.insert({
      table: table.replace(/`/g, ''),
      values: rows.map((r) => JSON.stringify(r)).join('\n'),
      format: 'JSONEachRow',
    });
  }

  async close(): Promise<void> {
    this.session.cleanup();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
