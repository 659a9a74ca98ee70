import type { Database } from '../db/database.ts';
import type { IngestReport } from '../ingest/ingest-types.ts';

/**
 * What the DuckDB write paths tell a ClickHouse mirror (server/clickhouse/mirror.ts). The ingest
 * and delete code calls these through one-line hooks, inside their write queue, so uploads, the
 * inbox, the CLI and the sample load all reach ClickHouse the same way. No mirror attached (the
 * default, DuckDB only): the hooks do nothing.
 */
export interface CallsMirror {
  /** After a file's DuckDB transaction: ship its calls; on failure undo the file and say so. */
  afterIngest(report: IngestReport): Promise<IngestReport>;
  /** Before a file's calls leave DuckDB: mark them deleted in ClickHouse (throws = nothing deleted). */
  beforeDelete(ingestId: number): Promise<void>;
  /** After the deletion committed: re-ship the renumbered calls of the callees it touched. */
  afterDelete(ingestId: number): Promise<void>;
}

const mirrors = new WeakMap<Database, CallsMirror>();

export function attachMirror(db: Database, mirror: CallsMirror): void {
  mirrors.set(db, mirror);
}

export function mirrorOf(db: Database): CallsMirror | undefined {
  return mirrors.get(db);
}
