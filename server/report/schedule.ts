/**
 * The weekly report schedule: while the server runs, a cron job (croner, in the business
 * timezone) writes the previous week's report files to data/reports/. Off by default; the
 * setting comes from env.ts (HANGUP_REPORT_CRON).
 */
import { Cron } from 'croner';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.ts';
import type { Settings } from '../metrics.ts';
import { gatherReportData, type ReportFilters } from './data.ts';
import { FORMATS, reportFileName, renderFormat, type Format } from './generate.ts';
import { LANGS, type Lang } from './i18n.ts';
import { lastWeekWithData } from './default-week.ts';
import type { IsoWeek } from './week.ts';

/** Monday 08:00 (minute hour day-of-month month day-of-week), read in the business timezone. */
export const DEFAULT_CRON = '0 8 * * 1';

export interface ScheduleSetting {
  cron: string | null;
  formats: Format[];
  langs: Lang[];
}

/** Reads the env values: "off"/"" disables, "on"/"default" means DEFAULT_CRON, anything else must parse as cron. */
export function parseScheduleSetting(cron: string, formats: string, langs: string): ScheduleSetting {
  const c = cron.trim();
  const list = <T extends string>(text: string, allowed: readonly T[], name: string): T[] => {
    const items = text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
    if (bad.length || items.length === 0)
      throw new Error(`${name}: expected a comma-separated list of ${allowed.join(', ')}, got "${text}"`);
    return [...new Set(items)] as T[];
  };
  const setting: ScheduleSetting = {
    cron: /^(off|false|0|)$/i.test(c) ? null : /^(on|true|1|default)$/i.test(c) ? DEFAULT_CRON : c,
    formats: list(formats, FORMATS, 'HANGUP_REPORT_FORMATS'),
    langs: list(langs, LANGS, 'HANGUP_REPORT_LANGS'),
  };
  if (setting.cron) {
    try {
      new Cron(setting.cron, { paused: true }).stop();
    } catch (err) {
      throw new Error(
        `HANGUP_REPORT_CRON: not a cron expression: "${c}" (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }
  return setting;
}

export interface WriteOptions {
  week: IsoWeek;
  outDir: string;
  formats: Format[];
  langs: Lang[];
  filters?: ReportFilters;
  chromiumPath?: string;
  now?: Date;
}

export interface WriteResult {
  week: string;
  written: string[];
  failed: { file: string; error: string }[];
}

const NO_FILTERS: ReportFilters = { campaign: [], script: [], segment: [], numberTag: [], agent: [] };

/**
 * Writes one week's files. One format failing (typically PDF without Chromium) does not stop
 * the others; files appear atomically (written to a temp name, then renamed).
 */
export async function writeWeeklyReports(db: Database, settings: Settings, o: WriteOptions): Promise<WriteResult> {
  mkdirSync(o.outDir, { recursive: true });
  const filters = o.filters ?? NO_FILTERS;
  const data = await gatherReportData(db, { week: o.week, filters, settings, now: o.now });
  const result: WriteResult = { week: o.week.label, written: [], failed: [] };
  for (const lang of o.langs) {
    for (const format of o.formats) {
      const file = join(o.outDir, reportFileName({ week: o.week, format, lang, filters }));
      try {
        const body = await renderFormat(data, format, lang, { chromiumPath: o.chromiumPath });
        writeFileSync(`${file}.tmp`, body);
        renameSync(`${file}.tmp`, file);
        result.written.push(file);
      } catch (err) {
        result.failed.push({ file, error: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  return result;
}

export interface ReportSchedule {
  nextRun(): Date | null;
  /** Runs the job now as the schedule would (for tests and a manual trigger). */
  trigger(now?: Date): Promise<WriteResult>;
  stop(): void;
}

export function startReportSchedule(
  db: Database,
  settings: Settings,
  o: {
    setting: ScheduleSetting & { cron: string };
    outDir: string;
    chromiumPath?: string;
    log?: (line: string) => void;
  },
): ReportSchedule {
  const log = o.log ?? ((line: string) => console.log(line));
  const run = async (now = new Date()) => {
    // The last week with data (as the CLI, the API and /reports pick it), never one still running.
    const week = await lastWeekWithData(db, now, settings.timezone);
    const r = await writeWeeklyReports(db, settings, {
      week,
      outDir: o.outDir,
      formats: o.setting.formats,
      langs: o.setting.langs,
      chromiumPath: o.chromiumPath,
      now,
    });
    log(`weekly report ${r.week}: wrote ${r.written.length} file(s) to ${o.outDir}`);
    for (const f of r.failed) log(`weekly report ${r.week}: ${f.file} FAILED: ${f.error}`);
    return r;
  };
  // protect: a slow run (PDF) never overlaps the next; catch: a failure is logged, the job stays.
  const job = new Cron(
    o.setting.cron,
    {
      timezone: settings.timezone,
      protect: true,
      name: 'weekly-report',
      catch: (err) => log(`weekly report FAILED: ${err instanceof Error ? err.message : String(err)}`),
    },
    () => run().then(() => undefined),
  );
  return { nextRun: () => job.nextRun(), trigger: run, stop: () => job.stop() };
}
