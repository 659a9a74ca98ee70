import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CRON, parseScheduleSetting, startReportSchedule } from '../../server/report/schedule.ts';
import { readEnv } from '../../server/env.ts';
import { reportFixture, type Fixture } from './fixture.ts';

describe('schedule setting', () => {
  it('is off by default and "on" means Monday 08:00', () => {
    const env = readEnv({});
    expect(parseScheduleSetting(env.HANGUP_REPORT_CRON, env.HANGUP_REPORT_FORMATS, env.HANGUP_REPORT_LANGS)).toEqual({
      cron: null,
      formats: ['pdf', 'xlsx', 'csv', 'html'],
      langs: ['zh'],
    });
    expect(parseScheduleSetting('on', 'csv', 'zh,en').cron).toBe(DEFAULT_CRON);
    expect(parseScheduleSetting('30 7 * * 2', 'csv', 'en').cron).toBe('30 7 * * 2');
  });

  it('refuses a bad cron expression, format or language with the variable name', () => {
    expect(() => parseScheduleSetting('every monday', 'csv', 'zh')).toThrow(/HANGUP_REPORT_CRON/);
    expect(() => parseScheduleSetting('on', 'csv,docx', 'zh')).toThrow(/HANGUP_REPORT_FORMATS/);
    expect(() => parseScheduleSetting('on', 'csv', 'fr')).toThrow(/HANGUP_REPORT_LANGS/);
  });
});

describe('scheduled run', () => {
  let fx: Fixture;
  let out: string;
  beforeAll(async () => {
    fx = await reportFixture();
    out = mkdtempSync(join(tmpdir(), 'hangup-reports-'));
  });
  afterAll(() => {
    fx?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('fires Monday 08:00 business time and writes the previous week; a failing format does not stop the others', async () => {
    const lines: string[] = [];
    const schedule = startReportSchedule(fx.store.db, fx.store.settings, {
      setting: { cron: DEFAULT_CRON, formats: ['csv', 'xlsx', 'html', 'pdf'], langs: ['zh', 'en'] },
      outDir: out,
      chromiumPath: '/nonexistent/chromium',
      log: (l) => lines.push(l),
    });
    try {
      const next = schedule.nextRun()!;
      // 08:00 in Shanghai is 00:00 UTC, on a Monday.
      expect(next.getUTCHours()).toBe(0);
      expect(next.getUTCMinutes()).toBe(0);
      expect(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', weekday: 'short' }).format(next)).toBe(
        'Mon',
      );
      // As if it fired on Monday 2026-09-21 08:00 Shanghai time: the report is for 2026-W38.
      const r = await schedule.trigger(new Date('2026-09-21T00:00:00Z'));
      expect(r.week).toBe('2026-W38');
      expect(readdirSync(out).sort()).toEqual([
        'hangup-report-2026-W38-en.csv',
        'hangup-report-2026-W38-en.html',
        'hangup-report-2026-W38-en.xlsx',
        'hangup-report-2026-W38-zh.csv',
        'hangup-report-2026-W38-zh.html',
        'hangup-report-2026-W38-zh.xlsx',
      ]);
      expect(r.failed.map((f) => f.file)).toEqual([
        join(out, 'hangup-report-2026-W38-zh.pdf'),
        join(out, 'hangup-report-2026-W38-en.pdf'),
      ]);
      expect(lines.join('\n')).toContain('apt-get install -y chromium fonts-noto-cjk');
      expect(existsSync(join(out, 'hangup-report-2026-W38-zh.csv.tmp'))).toBe(false);
    } finally {
      schedule.stop();
    }
  });
});
