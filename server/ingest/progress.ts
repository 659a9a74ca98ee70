import type { DuckDBConnection } from '@duckdb/node-api';

/** Progress of one ingest: the phase and, where it can be measured, the fraction done (0..1). */
export type ProgressFn = (phase: string, fraction?: number) => void;

/**
 * Runs one long DuckDB step while polling the connection's query progress (DuckDB tracks it when
 * enable_progress_bar is on; printing is off), so a large file shows a moving bar, not a stall.
 */
export async function withQueryProgress<T>(
  con: DuckDBConnection,
  phase: string,
  progress: ProgressFn,
  step: () => Promise<T>,
): Promise<T> {
  progress(phase, 0);
  // A phase may run several statements, each restarting DuckDB's count: never move backwards.
  let shown = 0;
  const timer = setInterval(() => {
    try {
      const p = Math.min(con.progress.percentage / 100, 0.99);
      if (p > shown) progress(phase, (shown = p));
    } catch {
      // progress is best effort
    }
  }, 200);
  try {
    return await step();
  } finally {
    clearInterval(timer);
    progress(phase, 1);
  }
}
