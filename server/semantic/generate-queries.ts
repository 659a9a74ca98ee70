/**
 * Writes the generic forms of the metric questions into queries/ (summary, breakdown,
 * breakdown_attribute, heatmap): the semantic layer's template over filtered_calls with every
 * standard filter bound as a list and T as $early_seconds, the parameters of filterParams().
 * The API plans its own, narrower SQL (server/metrics.ts); these files serve the weekly report, the
 * benchmark's raw side and anyone reading SQL. test/queries/semantic.test.ts fails when they drift.
 *
 *   npx tsx server/semantic/generate-queries.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUERIES_DIR } from '../db/sql-files.ts';
import { duckdb as d } from './dialect.ts';
import { metricSql, type MetricSource } from './sql.ts';

const FILTERED = `filtered_calls($from::DATE, $to::DATE, $campaign::VARCHAR[], $script::VARCHAR[], $segment::VARCHAR[],
                      $number_tag::VARCHAR[], $agent::VARCHAR[], $early_seconds::DOUBLE)`;
const base = (from = FILTERED): MetricSource => ({ kind: 'base', from, flagsT: false });

const HEADER = (name: string, what: string, extra = '') => `-- ${name}: ${what}
-- GENERATED from server/semantic/measures.ts by server/semantic/generate-queries.ts: do not edit.
-- params: $from, $to (DATE text, nullable), $campaign, $script, $segment, $number_tag, $agent (VARCHAR[],
--         empty = no filter), $early_seconds (DOUBLE, T)${extra}.
-- returns: every count and rate of the semantic layer (rates with Wilson 95% bounds; hangupRate's
--         also as ciLow/ciHigh); hangupRate = earlyHangups / knownParty, shortCallRate = shortCalls / answered.
`;

export function generatedQueries(): Record<string, string> {
  return {
    summary: HEADER('summary', 'headline metrics over the filtered calls, one row (+ firstDate, lastDate).') +
      metricSql(d, { source: base(), groups: [], where: [], dateSpan: true }) + ';\n',
    breakdown: HEADER('breakdown', 'metrics per value of one dimension ({{dim}}: a column from the server\'s allow-list).') +
      metricSql(d, { source: base(), groups: [{ alias: 'key', expr: '"{{dim}}"' }], where: [], orderBy: ['key'] }) + ';\n',
    heatmap: HEADER('heatmap', 'metrics per (x, y) pair of dimensions ({{x}}, {{y}}: columns from the allow-list).') +
      metricSql(d, { source: base(), groups: [{ alias: 'x', expr: '"{{x}}"' }, { alias: 'y', expr: '"{{y}}"' }], where: [], orderBy: ['y', 'x'] }) + ';\n',
    breakdown_attribute: HEADER('breakdown_attribute', 'metrics per value of one free-form customer attribute (customers files), joined at query time.', ', $attr (VARCHAR)') +
      metricSql(d, {
        source: base(`${FILTERED} f\n  LEFT JOIN dim_customer_attrs a ON a.callee_id = f.callee_id AND a.name = $attr::VARCHAR`),
        groups: [{ alias: 'key', expr: 'a.value' }], where: [], orderBy: ['key'],
      }) + ';\n',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, text] of Object.entries(generatedQueries())) writeFileSync(join(QUERIES_DIR, `${name}.sql`), text);
  console.log('queries/{summary,breakdown,heatmap,breakdown_attribute}.sql written');
}
