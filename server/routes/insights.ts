import { Hono } from 'hono';
import { z } from 'zod';
import { FiltersSchema } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import { abAnalysis, ADJUST_KEYS } from '../analysis/ab.ts';
import { resolveControl } from '../analysis/control.ts';
import { recommendations } from '../analysis/recommendations.ts';
import { survival, SURVIVAL_GROUPS } from '../analysis/survival.ts';
import type { Settings } from '../metrics.ts';
import { parseQuery } from './query-input.ts';

const AbQuery = z.intersection(
  FiltersSchema,
  z.object({
    control: z.string().trim().min(1).max(200).optional(),
    adjust: z
      .string()
      .optional()
      .transform((s) => (s ? s.split(',').map((x) => x.trim()) : []))
      .pipe(z.array(z.enum(ADJUST_KEYS)).max(3)),
    correction: z.enum(['holm', 'bh']).default('holm'),
    sequential: z
      .enum(['0', '1'])
      .default('0')
      .transform((s) => s === '1'),
    // The rate compared; absent = the view's headline (as /api/summary picks it).
    metric: z.enum(['hangup', 'short']).optional(),
  }),
);
// The curve's event: `hangup` (callee hung up, known-party calls) or `short` (call ended, answered
// calls); absent = the view's headline. /scripts asks for the rate its A/B compares.
const SurvivalQuery = z.intersection(
  FiltersSchema,
  z.object({ by: z.enum(SURVIVAL_GROUPS).default('script'), metric: z.enum(['hangup', 'short']).optional() }),
);

/** Statistics routes. Numbers from queries/*.sql, statistics from server/stats. */
export function insightRoutes(db: Database, settings: Settings) {
  return new Hono()
    .get('/ab', async (c) => {
      const q = parseQuery(c, AbQuery);
      // Unknown scripts and controls are 400s; the default control is chosen by control.ts.
      const control = (await resolveControl(db, q, settings, q.control)) ?? undefined;
      return c.json(
        await abAnalysis(
          db,
          {
            filters: q,
            control,
            adjust: q.adjust,
            correction: q.correction,
            sequential: q.sequential,
            metric: q.metric,
          },
          settings,
        ),
      );
    })
    .get('/survival', async (c) => {
      const q = parseQuery(c, SurvivalQuery);
      return c.json(await survival(db, q.by, q, settings, q.metric));
    })
    .get('/recommendations', async (c) => c.json(await recommendations(db, parseQuery(c, FiltersSchema), settings)));
}
