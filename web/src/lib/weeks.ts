// ISO week arithmetic is shared with the report itself (pure, no node imports), so the page
// and the server can never disagree on which dates "2026-W44" covers.
import { isoWeekOfDate, lastCompleteWeek, shiftWeek, type IsoWeek } from '../../../server/report/week.ts';
import type { Filters } from './api-types.ts';
import { filterQuery } from './filters.ts';
import type { Lang } from './i18n.ts';

export type { IsoWeek };
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportLang = 'zh' | 'en';

/** The last week whose Sunday the data reaches (shared with the report's default week). */
export { lastCompleteWeek };

/** Every week with data, newest first; `complete` is false for a week the data ends inside of. */
export function weeksWithData(firstDate: string, lastDate: string): { week: IsoWeek; complete: boolean }[] {
  const first = isoWeekOfDate(firstDate);
  const out: { week: IsoWeek; complete: boolean }[] = [];
  for (let w = isoWeekOfDate(lastDate); w.from >= first.from; w = shiftWeek(w, -1)) {
    out.push({ week: w, complete: w.days[6]! <= lastDate && w.from >= firstDate });
  }
  return out;
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
