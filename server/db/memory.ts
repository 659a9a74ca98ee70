import { totalmem } from 'node:os';
import { dirname, join } from 'node:path';

const MB = 1024 * 1024;
/** Default cap: a quarter of RAM, at most 1.5 GB (a 512 MB upload must stay under 2 GB RSS). */
export const DEFAULT_MEMORY_CAP_MB = 1536;

/**
 * DuckDB's memory_limit and temp_directory. HANGUP_MEMORY_LIMIT takes DuckDB's own spelling
 * ("1GB", "800MB", "2GiB") or a plain number of megabytes; unset = 25% of RAM, at most 1.5 GB.
 * Beyond the limit DuckDB spills joins, sorts and aggregates to temp_directory (beside the
 * database file, `<data dir>/tmp/duckdb`), so memory stays bounded instead of the process growing.
 */
export function memorySettings(dbPath: string, env: NodeJS.ProcessEnv = process.env, ram = totalmem()) {
  const raw = env.HANGUP_MEMORY_LIMIT?.trim();
  let memoryLimit: string;
  if (raw && /^\d+(\.\d+)?$/.test(raw)) memoryLimit = `${Math.max(64, Math.round(Number(raw)))}MB`;
  else if (raw && /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(raw)) memoryLimit = raw.replace(/\s+/g, '');
  else if (raw) throw new Error(`HANGUP_MEMORY_LIMIT: expected megabytes or a size like 1GB, got "${raw}"`);
  else memoryLimit = `${Math.max(64, Math.min(DEFAULT_MEMORY_CAP_MB, Math.floor(ram / 4 / MB)))}MB`;
  const tempDirectory = dbPath === ':memory:' ? null : join(dirname(dbPath), 'tmp', 'duckdb');
  return { memoryLimit, tempDirectory };
}
