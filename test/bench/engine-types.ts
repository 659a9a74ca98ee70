/**
 * Comparison engines: what the API is measured against, side by side in the same run. Each
 * loads the generated calls and answers the benchmark's questions (cases.ts ids) its own best
 * way; each timed run of a request goes API, then every engine in turn, so all see the same load. `--engine a,b` picks engines; the default is every registered one that is available.
 *
 * Registration point: an engine is one entry of ENGINES in engines.ts (ClickHouse: test/bench/clickhouse.ts).
 */
import type { ApiCase } from './cases.ts';
import type { ServerChild } from './server-child.ts';

export interface EngineContext {
  /**
   * A copy of the generated DuckDB file for the engines (the server holds the original's lock):
   * open it read-only. Engines load before the server starts and are timed interleaved with it.
   */
  duckdbPath: string;
  calls: number;
  /** A scratch folder the engine may fill (deleted after the run unless --keep). */
  tmpDir: string;
  /** The calls as CSV with a header, columns as `calls` stores them (made once, on first ask). */
  callsCsv: () => Promise<string>;
  /** The calls as Parquet (made once, on first ask). */
  callsParquet: () => Promise<string>;
  /** Some columns of the calls as CSV with a header (a new file per call). */
  exportColumns: (columns: readonly string[], file: string) => Promise<string>;
  log: (line: string) => void;
}

export interface ComparisonEngine {
  name: string;
  /** Why the engine cannot run here (null: it can), e.g. a missing binary or too many rows. */
  unavailable(ctx: EngineContext): Promise<string | null>;
  /** Loads the data; the returned note is printed beside the engine's figures. */
  load(ctx: EngineContext): Promise<{ ms: number; note?: string }>;
  /** The engine's answer to one case, or undefined when it has none. */
  query(c: ApiCase): (() => Promise<unknown>) | undefined;
  /**
   * A server child serving the dashboard from this engine (ClickHouse): the concurrency section
   * runs its clients against it too, and the engine is closed only after that.
   */
  served?(): ServerChild | null;
  close(): Promise<void>;
}

/**
 * The requests of issue 10's table (the headline numbers): what the slow engines (arquero,
 * PostgreSQL) answer. Every request would take them past an hour on a loaded 2-core machine
 * (PostgreSQL: 30 s for one grouping-sets scan of 10 M rows; arquero: 5-20 s per rollup).
 */
export const HEADLINE_CASES = new Set([
  'health',
  'summary',
  'summary 4w 1 campaign',
  'heatmap hour x weekday',
  'breakdown agent',
  'breakdown segment 4w 1 campaign',
  'breakdown date',
  'survival script',
]);
