// ISO week arithmetic is shared with the report itself (pure, no node imports), so the page
// and the server can never disagree on which dates "2026-W44" covers.
import { lastCompleteWeek, type IsoWeek, type WeekOption } from '../../../server/report/week.ts';
import type { Filters } from './api-types.ts';
import { filterQuery } from './filters.ts';
import type { Lang } from './i18n.ts';

export type { IsoWeek, WeekOption };
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportLang = 'zh' | 'en';

/** The last week whose Sunday the data reaches (shared with the report's default week). */
export { lastCompleteWeek };

/** GET /api/reports/weeks: the weeks with calls, newest first (never an empty week). */
export interface ReportWeeks {
  weeks: WeekOption[];
}

/**
 * The week the page shows, one of `weeks` (newest first): the URL's when listed; else the last
 * week the data covers to its Sunday (the report's default); else the newest complete one, else
 * the newest. Null without weeks.
 */
export function pickWeek(weeks: readonly WeekOption[], asked: string | null): string | null {
  const listed = (label: string | null | undefined) => (label && weeks.some((w) => w.week === label) ? label : null);
  const newest = weeks[0];
  if (!newest) return null;
  // The newest week is complete when the data reaches its Sunday; else the last complete week is the one before.
  const lastComplete = newest.complete ? newest.week : lastCompleteWeek(newest.from).label;
  return listed(asked) ?? listed(lastComplete) ?? weeks.find((w) => w.complete)?.week ?? newest.week;
}

/** The report's language for a dashboard language. */
export const reportLang = (lang: Lang): ReportLang => (lang === 'zh-CN' ? 'zh' : 'en');

/** GET /api/reports/weekly for a week, format, language and the filters (the week sets the dates: no from/to). */
export function reportUrl(week: string, format: ReportFormat, lang: ReportLang, f: Filters): string {
  const { from: _from, to: _to, ...rest } = f;
  return `/api/reports/weekly?${filterQuery(rest, { week, format, lang })}`;
}

/** The file name a download answer names in Content-Disposition, or the fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}
