/**
 * The report's English text uses plain ASCII apostrophes and quotes: the report font (Liberation
 * Sans, then Noto Sans CJK) has no curly ones in its first face, so Chromium drew "this week’s"
 * with a full-width CJK glyph (seen in a 390 px screenshot). Chinese strings keep their own
 * quotation marks, which the CJK face is meant to draw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatherReportData } from '../../server/report/data.ts';
import { renderHtml } from '../../server/report/html.ts';
import { DICTS } from '../../server/report/i18n.ts';
import { parseIsoWeek } from '../../server/report/week.ts';
import { csv, ingestText, SETTINGS, tempStore } from '../helpers/temp-store.ts';

const CURLY = /[\u2018\u2019\u201C\u201D]/;
const CJK = /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/;

/** Every string of a dictionary, with its path. */
function strings(v: unknown, path: string): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, `${path}.${k}`));
  return [];
}

describe('no curly apostrophes or quotes in the English report', () => {
  it('the English dictionary', () => {
    const en = strings(DICTS.en, 'en');
    expect(en.length).toBeGreaterThan(100);
    expect(en.filter(([, s]) => CURLY.test(s))).toEqual([]);
  });

  it('the report modules: a line with a curly quote is a Chinese string', () => {
    const dir = join(import.meta.dirname, '../../server/report');
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .map((line, i) => [`${f}:${i + 1}`, line] as const)
          .filter(([, line]) => CURLY.test(line) && !CJK.test(line)),
      );
    expect(offending).toEqual([]);
  });

  describe('a rendered English report', () => {
    // Two weeks, two opening lines, 40 answered calls a week of which 10 say who hung up: the
    // headline is the short-call rate with its reason ("...of this week's answered calls...").
    const rows = ['2026-09-07', '2026-09-14'].flatMap((date) =>
      Array.from({ length: 40 }, (_, i) => ({
        call_id: `q-${date}-${i}`,
        started_at: `${date}T10:${String(i).padStart(2, '0')}:00+08:00`,
        ring_seconds: 5,
        talk_seconds: i % 4 === 0 ? 4 : 50,
        disposition: 'answered',
        hangup_by: i < 10 ? 'callee' : undefined,
        campaign: 'quotes',
        script_id: i % 2 ? 'A' : 'B',
        segment: 'retired',
      })),
    );
    let page = '';
    let cleanup = () => {};
    beforeAll(async () => {
      const store = await tempStore();
      cleanup = store.cleanup;
      await ingestText(store, 'quotes.csv', csv(rows));
      const data = await gatherReportData(store.db, {
        week: parseIsoWeek('2026-W38'),
        filters: { campaign: [], script: [], segment: [], numberTag: [], agent: [] },
        settings: SETTINGS,
      });
      page = renderHtml(data, 'en');
    });
    afterAll(() => cleanup());

    it('has none, and its apostrophes are escaped', () => {
      expect(page).toContain(
        'Your CDRs do not say who hung up for 75.0% of this week&#39;s answered calls, so the hang-up rate says little',
      );
      expect(page.split('\n').filter((line) => CURLY.test(line))).toEqual([]);
    });
  });
});
