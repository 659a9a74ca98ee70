/** The comparison engines by name; each module loads only when its engine runs. */
import type { ComparisonEngine } from './engine-types.ts';

export { HEADLINE_CASES, type ComparisonEngine, type EngineContext } from './engine-types.ts';

export const ENGINES: Record<string, () => Promise<ComparisonEngine>> = {
  duckdb: () => import('./engine-duckdb.ts').then((m) => m.duckdbEngine()),
  arquero: () => import('./engine-arquero.ts').then((m) => m.arqueroEngine()),
  postgres: () => import('./engine-postgres.ts').then((m) => m.postgresEngine()),
  clickhouse: () => import('./clickhouse.ts').then((m) => m.clickhouseEngine()),
};
