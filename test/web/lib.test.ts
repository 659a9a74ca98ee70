import { describe, expect, it } from 'vitest';
import { labelColorOn, rateRange, viridis, VIRIDIS } from '../../web/src/lib/charts/palette.ts';
import { rateColumns } from '../../web/src/lib/columns.ts';
import { toCsv } from '../../web/src/lib/csv.ts';
import { filterQuery, hasFilters, readFilters } from '../../web/src/lib/filters.ts';
import { createFormat } from '../../web/src/lib/format.ts';
import { detectLang, translate, valueLabel, type MessageKey } from '../../web/src/lib/i18n.ts';
import { en } from '../../web/src/lib/messages/en.ts';
import { zhCN } from '../../web/src/lib/messages/zh-CN.ts';
import { analysisEn } from '../../web/src/lib/messages/analysis.en.ts';
import { analysisZhCN } from '../../web/src/lib/messages/analysis.zh-CN.ts';
import '../../web/src/lib/messages/analysis.ts';
import { dataEn } from '../../web/src/lib/messages/data.en.ts';
import { dataZhCN } from '../../web/src/lib/messages/data.zh-CN.ts';
import '../../web/src/lib/messages/data.ts';
import { signinEn } from '../../web/src/lib/messages/signin.en.ts';
import { signinZhCN } from '../../web/src/lib/messages/signin.zh-CN.ts';
import '../../web/src/lib/messages/signin.ts';
import { glossaryEn } from '../../web/src/lib/messages/glossary.en.ts';
import { glossaryZhCN } from '../../web/src/lib/messages/glossary.zh-CN.ts';
import '../../web/src/lib/messages/glossary.ts';
import { overviewEn } from '../../web/src/lib/messages/overview.en.ts';
import { overviewZhCN } from '../../web/src/lib/messages/overview.zh-CN.ts';
import '../../web/src/lib/messages/overview.ts';
import { addDays, defaultRange, lastDays, previousPeriod, selectedPeriod } from '../../web/src/lib/period.ts';
import { bestAndWorst } from '../../web/src/lib/windows.ts';
import { cell, row } from './fixtures.ts';

describe('filters in the URL', () => {
  it('read the API filter names, repeated for lists, and write them back in a stable order', () => {
    const f = readFilters(new URLSearchParams('segment=retired&from=2026-09-01&segment=student&lang=en&to=bad&agent='));
    expect(f).toEqual({
      from: '2026-09-01',
      campaign: [],
      script: [],
      segment: ['retired', 'student'],
      numberTag: [],
      agent: [],
    });
    expect(filterQuery(f, { by: 'hour' })).toBe('by=hour&from=2026-09-01&segment=retired&segment=student');
    expect(hasFilters(f)).toBe(true);
    expect(hasFilters(readFilters(new URLSearchParams('lang=en')))).toBe(false);
  });
});

describe('period', () => {
  it('closes open ends with the stored bounds and finds the previous window of equal length', () => {
    const p = selectedPeriod({}, { firstDate: '2026-09-07', lastDate: '2026-11-01' })!;
    expect(p).toEqual({ from: '2026-09-07', to: '2026-11-02', days: 56 });
    expect(previousPeriod(p)).toEqual({ from: '2026-07-13', to: '2026-09-07', days: 56 });
    expect(selectedPeriod({ from: '2026-10-01', to: '2026-10-08' }, undefined)).toEqual({
      from: '2026-10-01',
      to: '2026-10-08',
      days: 7,
    });
    expect(selectedPeriod({}, undefined)).toBeNull();
    expect(lastDays('2026-11-01', 7)).toEqual({ from: '2026-10-26', to: '2026-11-02', days: 7 });
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('defaults to the last 90 days only when the data spans more than 90', () => {
    // 56 days, and exactly 90 (Aug 4 to Nov 1): every date.
    expect(defaultRange('2026-09-07', '2026-11-01')).toBeNull();
    expect(defaultRange('2026-08-04', '2026-11-01')).toBeNull();
    // 91 days, and an archive from 2023: the last 90 days, `to` exclusive.
    const last90 = { from: '2026-08-04', to: '2026-11-02', days: 90 };
    expect(defaultRange('2026-08-03', '2026-11-01')).toEqual(last90);
    expect(defaultRange('2023-07-26', '2026-11-01')).toEqual(last90);
    expect(defaultRange(null, '2026-11-01')).toBeNull();
    expect(defaultRange(null, null)).toBeNull();
  });
});

describe('format', () => {
  it('formats for each locale', () => {
    const zh = createFormat('zh-CN');
    const en = createFormat('en');
    expect(en.pct(0.31525)).toBe('31.5%');
    expect(en.int(200000)).toBe('200,000');
    expect(en.pp(-0.0123)).toBe('-1.2');
    expect(en.change(0.053)).toBe('+5.3%');
    expect(en.day('2026-09-07')).toBe('Sep 7');
    expect(zh.day('2026-09-07')).toBe('9月7日');
    expect(zh.date('2026-09-07')).toBe('2026年9月7日');
    expect(en.pct(null)).toBe('–');
    expect(en.interval(0.1, 0.2)).toBe('10.0% – 20.0%');
    expect(en.dateTime('2026-11-29T07:45:00+00')).not.toBe('2026-11-29T07:45:00+00'); // DuckDB's short offset parses
  });

  it('formats p-values, probabilities, ratios and points without false precision', () => {
    const en = createFormat('en');
    expect(en.p(0.41826)).toBe('0.418');
    expect(en.p(0.0012)).toBe('0.0012');
    expect(en.p(1.7e-51)).toBe('<\u00a00.001');
    expect(en.p(null)).toBe('–');
    // Exact integration can overshoot 1 by a rounding error; never print 100% or 0% as certain.
    expect(en.prob(1.0000000000000024)).toBe('>\u00a099.9%');
    expect(en.prob(8e-26)).toBe('<\u00a00.1%');
    expect(en.prob(0.79085)).toBe('79.1%');
    expect(en.ratio(0.87538)).toBe('0.88');
    expect(en.points(0.04139)).toBe('4.1');
    expect(en.points(-0.0046)).toBe('-0.5');
  });
});

describe('rateColumns', () => {
  it('puts the shrunk rate and its interval next to the raw rate when asked', () => {
    const keys = rateColumns<ReturnType<typeof row>>((k) => k, 30, { shrunk: true }).map((c) => c.key);
    // The rate leads (right after the key), its interval and the shrunk rate next to it, the counts after.
    expect(keys.slice(0, 6)).toEqual(['hangupRate', 'ciLow', 'ciHigh', 'shrunkRate', 'shrunkCiLow', 'shrunkCiHigh']);
    // The counts: the rate's numerator, its own denominator (known party), then answered calls and dials.
    expect(keys.slice(6)).toEqual(['earlyHangups', 'knownParty', 'answered', 'dials', 'connectRate']);
    expect(rateColumns<ReturnType<typeof row>>((k) => k, 30).map((c) => c.key)).not.toContain('shrunkRate');
  });
});

describe('i18n', () => {
  it('has every English text in Chinese, non-empty and with the same placeholders', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [enTexts, zhTexts] of [
      [en, zhCN],
      [analysisEn, analysisZhCN],
      [dataEn, dataZhCN],
      [signinEn, signinZhCN],
      [glossaryEn, glossaryZhCN],
      [overviewEn, overviewZhCN],
    ] as [Record<string, string>, Record<string, string>][]) {
      for (const key of Object.keys(enTexts)) {
        expect(zhTexts[key], key).toBeTruthy();
        expect(vars(zhTexts[key]!), key).toEqual(vars(enTexts[key]!));
      }
    }
  });

  it('analysis texts are not in the core set (the first page load does not carry them)', () => {
    expect(Object.keys(analysisEn).filter((k) => k in en)).toEqual([]);
    expect(translate('en', 'ab.control')).toBe('Control'); // registered by the import above
  });

  it('data-page and sign-in texts are not in the core set either, and register on import', () => {
    for (const lazy of [dataEn, signinEn, glossaryEn, overviewEn])
      expect(Object.keys(lazy).filter((k) => k in en)).toEqual([]);
    expect(translate('zh-CN', 'audit.title')).toBe(dataZhCN['audit.title']); // registered by the imports above
    expect(translate('en', 'auth.title')).toBe('Sign in');
    expect(translate('zh-CN', 'glossary.knownParty')).toBe(glossaryZhCN['glossary.knownParty']);
    // The header's signed-in badge renders on any page, so its texts stay in the core set.
    expect(Object.keys(en).filter((k) => k.startsWith('auth.'))).toEqual([
      'auth.signedInAs',
      'auth.signOut',
      'auth.role.viewer',
      'auth.role.uploader',
      'auth.role.admin',
    ]);
  });

  it('picks zh-CN for any Chinese browser, English otherwise, and fills placeholders', () => {
    expect(detectLang(['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLang(['de-DE', 'en-GB'])).toBe('en');
    expect(detectLang([])).toBe('en');
    expect(translate('zh-CN', 'kpi.vsPrevious', { days: 7 })).toBe('较前 7 天');
  });

  it('says "1 day", "2 days" in English; Chinese has no plural', () => {
    expect(translate('en', 'overview.period', { from: 'a', until: 'b', days: 1 })).toBe('a – b · 1 day');
    expect(translate('en', 'overview.period', { from: 'a', until: 'b', days: 2 })).toBe('a – b · 2 days');
    expect(translate('en', 'kpi.vsPrevious', { days: 1 })).toBe('vs previous 1 day');
    expect(translate('en', 'kpi.noPrevious', { days: '90' })).toBe('no calls in the previous 90 days');
    expect(translate('en', 'verdict.rule', { k: 1, method: 'Holm' })).toContain('adjusted for 1 line (Holm)');
    expect(translate('en', 'verdict.rule', { k: 3, method: 'Holm' })).toContain('adjusted for 3 lines (Holm)');
    expect(translate('zh-CN', 'overview.period', { from: 'a', until: 'b', days: 1 })).toBe('a 至 b，共 1 天');
    // No text of either language shows a plural marker or says "1 days" ({n} is a fixed threshold: 30 calls, 10 rows).
    for (const lang of ['en', 'zh-CN'] as const)
      for (const key of Object.keys({ ...en, ...analysisEn }) as MessageKey[]) {
        const text = translate(lang, key, { days: 1, k: 1 });
        expect(text, key).not.toMatch(/\{s:|\b1 (days|lines|calls|rows)\b/);
      }
  });

  it('labels known values and shows unknown ones as stored', () => {
    expect(valueLabel('zh-CN', 'weekday', 1)).toBe('周一');
    expect(valueLabel('en', 'segment', 'retired')).toBe('Retired');
    expect(valueLabel('zh-CN', 'numberTag', 'marked_spam')).toBe('被标为骚扰');
    expect(valueLabel('en', 'hour', 9)).toBe('09:00');
    expect(valueLabel('en', 'campaign', 'spring_promo')).toBe('spring_promo');
    expect(valueLabel('en', 'agent', null)).toBe('(none)');
  });
});

describe('palette', () => {
  it('runs viridis from dark purple to yellow and picks readable label colours', () => {
    expect(viridis(0)).toBe(VIRIDIS[0]);
    expect(viridis(1)).toBe(VIRIDIS[9]);
    expect(viridis(2)).toBe(VIRIDIS[9]);
    expect(labelColorOn(0.1)).toBe('#ffffff');
    expect(labelColorOn(0.9)).not.toBe('#ffffff');
  });

  it('pads a flat range so equal rates still get a colour', () => {
    expect(rateRange([0.2, 0.4, 0.3])).toEqual([0.2, 0.4]);
    const [lo, hi] = rateRange([0.3, 0.3]);
    expect(lo).toBeLessThan(0.3);
    expect(hi).toBeGreaterThan(0.3);
  });
});

describe('csv', () => {
  it('writes localized headers, raw values, quoting and a BOM for Excel', () => {
    const cols = rateColumns<ReturnType<typeof row>>((k) => k, 30).filter(
      (c) => c.key === 'dials' || c.key === 'connectRate',
    );
    const csv = toCsv(
      [{ key: 'k', label: '客群', kind: 'text', value: (r: ReturnType<typeof row>) => String(r.key) }, ...cols],
      [row('a,"b"', 10, 4, 1)],
    );
    expect(csv.startsWith('\uFEFF客群,metric.dials,metric.connectRate\r\n')).toBe(true);
    expect(csv).toContain('"a,""b""",10,0.4\r\n');
  });
});

describe('bestAndWorst', () => {
  it('ranks readable cells only: lowest hang-up rate is best, highest connect rate is best', () => {
    const cells = [
      cell(9, 1, 100, 50, 10),
      cell(10, 1, 100, 50, 25),
      cell(11, 1, 100, 10, 0),
      cell(12, 1, 100, 80, 20),
    ];
    const h = bestAndWorst(cells, 'hangupRate', 30, 2);
    expect(h.best.map((c) => c.x)).toEqual([9, 12]);
    expect(h.worst.map((c) => c.x)).toEqual([10]); // 3 readable cells: never listed twice
    expect(h.best[0]).not.toHaveProperty('rate');
    const c = bestAndWorst(cells, 'connectRate', 30, 1);
    expect(c.best.map((x) => x.x)).toEqual([12]);
    expect(c.worst.map((x) => x.x)).toEqual([11]);
  });
});
