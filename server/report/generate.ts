/**
 * One entry for every caller (API, CLI, schedule): gather the week's numbers once, render the
 * requested format, name the file. Formats share one data pass and one table model.
 */
import type { Database } from '../db/database.ts';
import type { Settings } from '../metrics.ts';
import { renderCsv } from './csv.ts';
import { gatherReportData, type ReportData, type ReportFilters } from './data.ts';
import { renderHtml } from './html.ts';
import { dict, type Lang } from './i18n.ts';
import { renderPdf } from './pdf.ts';
import { buildTables } from './tables.ts';
import type { IsoWeek } from './week.ts';
import { renderXlsx } from './xlsx.ts';

export const FORMATS = ['pdf', 'xlsx', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export const CONTENT_TYPES: Record<Format, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export interface ReportRequest {
  week: IsoWeek;
  format: Format;
  lang: Lang;
  filters: ReportFilters;
}

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  data: ReportData;
}

export interface GenerateOptions {
  chromiumPath?: string;
  now?: Date;
  onProgress?: (step: string) => void;
}

/** `hangup-report-2026-W38-zh.pdf`; filtered reports say so (`-filtered`) so files do not collide. */
export function reportFileName(r: Omit<ReportRequest, 'week'> & { week: { label: string } }): string {
  const filtered = Object.values(r.filters).some((v) => v.length > 0) ? '-filtered' : '';
  return `hangup-report-${r.week.label}-${r.lang}${filtered}.${r.format}`;
}

export async function renderFormat(
  data: ReportData,
  format: Format,
  lang: Lang,
  o: GenerateOptions = {},
): Promise<Buffer> {
  const step = o.onProgress ?? (() => {});
  const t = dict(lang);
  switch (format) {
    case 'html':
      step('rendering HTML');
      return Buffer.from(renderHtml(data, lang), 'utf8');
    case 'pdf': {
      step('rendering HTML');
      const htmlText = renderHtml(data, lang);
      step('printing PDF with Chromium');
      return renderPdf(htmlText, {
        executablePath: o.chromiumPath,
        lang,
        footerTitle: `${t.title} ${data.week.label}`,
      });
    }
    case 'xlsx':
      step('writing XLSX');
      return renderXlsx(buildTables(data, lang), {
        title: `${t.title} ${data.week.label}`,
        created: new Date(data.generatedAt),
      });
    case 'csv':
      step('writing CSV');
      return renderCsv(buildTables(data, lang), lang);
  }
}

export async function generateReport(
  db: Database,
  settings: Settings,
  r: ReportRequest,
  o: GenerateOptions = {},
): Promise<ReportFile> {
  const data = await gatherReportData(db, {
    week: r.week,
    filters: r.filters,
    settings,
    now: o.now,
    onProgress: o.onProgress,
  });
  const body = await renderFormat(data, r.format, r.lang, o);
  return { fileName: reportFileName(r), contentType: CONTENT_TYPES[r.format], body, data };
}
