import { Hono } from 'hono';
import { z } from 'zod';
import { DimensionSchema, FiltersSchema } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { breakdown, breakdownByAttribute, dimensions, heatmap, summary, type Settings } from '../metrics.ts';
import { parseQuery } from './query-input.ts';
import { withShrunkRates } from '../analysis/recommendations.ts';

const BreakdownQuery = z.intersection(FiltersSchema, z.object({ by: DimensionSchema }));
const AttributeQuery = z.intersection(FiltersSchema, z.object({ name: z.string().trim().min(1).max(200) }));
const HeatmapQuery = z.intersection(
  FiltersSchema,
  z.object({ x: DimensionSchema.default('hour'), y: DimensionSchema.default('weekday') }),
);

/** The metric routes (README, API); every number comes from queries/*.sql. */
export function metricRoutes(db: Database, settings: Settings) {
  return (
    new Hono()
      .get('/summary', async (c) => c.json(await summary(db, parseQuery(c, FiltersSchema), settings)))
      .get('/breakdown', async (c) => {
        const q = parseQuery(c, BreakdownQuery);
        const rows = await breakdown(db, q.by, q, settings);
        const shrink = q.by === 'agent' || q.by === 'caller_number';
        return c.json({ by: q.by, rows: shrink ? withShrunkRates(rows) : rows });
      })
      // Customer attributes from customers files (names listed by /api/dimensions customerAttributes).
      .get('/breakdown/attribute', async (c) => {
        const q = parseQuery(c, AttributeQuery);
        return c.json({ by: `attribute:${q.name}`, rows: await breakdownByAttribute(db, q.name, q, settings) });
      })
      .get('/heatmap', async (c) => {
        const q = parseQuery(c, HeatmapQuery);
        return c.json({ x: q.x, y: q.y, cells: await heatmap(db, q.x, q.y, q, settings) });
      })
      .get('/dimensions', async (c) => c.json(await dimensions(db)))
  );
}
