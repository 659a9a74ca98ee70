/**
 * What a bulk load made outside ingest needs before it is served: on this branch nothing (no
 * rollups exist). GENERATOR_STAMP changes whenever the generator or the schema does, so a
 * stored benchmark database is made again instead of reused.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../server/db/database.ts';
import { ROOT } from './server-child.ts';

export const GENERATOR_STAMP = createHash('sha256')
  .update(['queries/schema.sql', 'queries/bench_macros.sql', 'queries/bench_insert_calls.sql', 'queries/bench_model.sql',
    'sample-data/generate-sql.ts', 'sample-data/model.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n'))
  .digest('hex').slice(0, 12);

/** Returns whether it did anything (rollups rebuilt). */
export async function afterGenerate(_db: Database): Promise<boolean> {
  return false;
}
