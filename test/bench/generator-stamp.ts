/**
 * Changes whenever the SQL generator, the model, the schema or the measure flags do, so a
 * benchmark database kept under test-output/bench/ is made again instead of reused (a reused one
 * gets its rollups rebuilt, so rollup definitions need no new calls).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './server-child.ts';

export const GENERATOR_STAMP = createHash('sha256')
  .update(
    [
      'queries/schema.sql',
      'queries/bench/bench_macros.sql',
      'queries/bench/bench_insert_calls.sql',
      'queries/bench/bench_model.sql',
      'sample-data/generate-sql.ts',
      'sample-data/model.ts',
      'server/semantic/measures.ts',
    ]
      .map((f) => readFileSync(join(ROOT, f), 'utf8'))
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 12);
