import { Hono } from 'hono';
import { z } from 'zod';
import { FiltersSchema } from '../contract/filters.ts';
import type { Database } from '../db/database.ts';
import type { Settings } from '../metrics.ts';
import { FORMATS, generateReport } from '../report/generate.ts';
import { LANGS } from '../report/i18n.ts';
import { lastWeekWithData, weeksWithCalls } from '../report/default-week.ts';
import { ChromiumMissingError } from '../report/pdf.ts';
import { parseIsoWeek, weekOption, type WeekOption } from '../report/week.ts';
import { ApiError } from './errors.ts';
import { reportFiles } from './report-files.ts';
import { BadRequest, parseQuery } from './query-input.ts';

/** `week=2026-W37`, checked as a real ISO week (2025-W53 does not exist). */
const WeekSchema = z.string().superRefine((s, ctx) => {
  try {
    parseIsoWeek(s);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
  }
});

export const WeeklyReportQuerySchema = z.intersection(
  FiltersSchema,
  z.object({
    week: WeekSchema.optional(), // ux: absent = the last week with data (report/default-week.ts)
    format: z.enum(FORMATS).default('html'),
    lang: z.enum(LANGS).default('zh'),
    /** HTML is served inline (for a preview frame) unless download=1; other formats are always attachments. */
    download: z.enum(['0', '1']).default('0'),
  }),
);

// The report is static: no script, no fetch. Say so to the browser too.
const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";

/**
 * GET /reports/weeks: the ISO weeks with calls, newest first (the week picker: no empty weeks);
 * GET /reports/weekly: the weekly report for an ISO week and the standard filters (without from/to).
 */
export function reportRoutes(db: Database, settings: Settings, opts: { chromiumPath?: string } = {}) {
  const kept = reportFiles(db);
  const app = new Hono();
  app.get('/weeks', async (c) => {
    const weeks: WeekOption[] = (await weeksWithCalls(db)).map(weekOption);
    return c.json({ weeks });
  });
  return app.get('/weekly', async (c) => {
    const q = parseQuery(c, WeeklyReportQuerySchema);
    const stray = (['from', 'to'] as const).filter((k) => q[k] !== undefined);
    if (stray.length)
      throw new BadRequest(stray.map((param) => ({ param, message: 'the week sets the period; drop from/to' })));
    const { campaign, script, segment, numberTag, agent } = q;
    let file;
    try {
      const week = q.week ? parseIsoWeek(q.week) : await lastWeekWithData(db, new Date(), settings.timezone);
      const filters = { campaign, script, segment, numberTag, agent };
      const key = JSON.stringify([week, q.format, q.lang, filters]);
      const make = () =>
        generateReport(
          db,
          settings,
          { week, format: q.format, lang: q.lang, filters },
          { chromiumPath: opts.chromiumPath },
        );
      // `Cache-Control: no-cache` (a hard reload, the benchmark's uncached timings) makes it afresh.
      file = /no-cache/i.test(c.req.header('cache-control') ?? '') ? await make() : await kept(key, make);
    } catch (err) {
      if (err instanceof ChromiumMissingError) throw new ApiError(503, 'unavailable', err.message);
      throw err;
    }
    const inline = q.format === 'html' && q.download === '0';
    c.header('Content-Type', file.contentType);
    // File names are ASCII by construction (week label, lang, format), so no RFC 5987 form is needed.
    c.header('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${file.fileName}"`);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    if (q.format === 'html') c.header('Content-Security-Policy', HTML_CSP);
    return c.body(new Uint8Array(file.body));
  });
}
