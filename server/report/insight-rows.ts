/**
 * Issue 4's A/B result and recommendations as report tables. Recommendation items carry their
 * own evidence fields, so columns are taken from the items themselves (explanation first, then
 * every scalar field, nested evidence objects flattened one level), formatted by field name.
 */
import type { AbResult, Recommendations, RecommendationItem, Section } from './insights-adapter.ts';
import type { ReportData } from './data.ts';
import { dict, fill, type Lang } from './i18n.ts';
import { points, type CellValue, type Column, type Fmt, type ReportTable } from './tables.ts';

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function sectionNote(s: Section<unknown>, lang: Lang): string | null {
  const t = dict(lang);
  return s.status === 'ok' ? null : s.status === 'unavailable' ? t.unavailable : t.failed + s.reason;
}

export function abRows(s: Section<AbResult>, lang: Lang): ReportTable {
  const t = dict(lang);
  const table: ReportTable = {
    id: 'ab', name: t.sheetNames.ab, title: t.abTitle,
    columns: [
      { header: t.script, fmt: 'text' }, { header: t.answered, fmt: 'int' }, { header: t.earlyHangups, fmt: 'int' },
      { header: t.hangupRate, fmt: 'pct' }, { header: t.ciLow, fmt: 'pct' }, { header: t.ciHigh, fmt: 'pct' },
      { header: t.diff, fmt: 'pp' }, { header: `${t.diff} ${t.ciLow}`, fmt: 'pp' }, { header: `${t.diff} ${t.ciHigh}`, fmt: 'pp' },
      { header: t.pValue, fmt: 'p' }, { header: t.pAdjusted, fmt: 'p' }, { header: t.chanceToBeat, fmt: 'pct' },
      { header: t.oddsRatio, fmt: 'num' }, { header: `OR ${t.ciLow}`, fmt: 'num' }, { header: `OR ${t.ciHigh}`, fmt: 'num' },
      { header: t.simpson, fmt: 'text' },
    ],
    rows: [],
    note: sectionNote(s, lang) ?? undefined,
  };
  if (s.status !== 'ok') return table;
  const control = s.value.control;
  table.rows = s.value.arms.map((a) => [
    a.script === control ? `${a.script} (${t.control})` : a.script, a.answered, a.earlyHangups, num(a.hangupRate), num(a.ciLow), num(a.ciHigh),
    points(num(a.diff)), points(num(a.diffCiLow)), points(num(a.diffCiHigh)), num(a.pValue), num(a.pValueAdjusted), num(a.chanceToBeatControl),
    num(a.oddsRatio), num(a.orCiLow), num(a.orCiHigh), a.simpsonWarning ? t.simpsonWarning : null,
  ]);
  return table;
}

type RecKey = 'windows' | 'frequencyCap' | 'numbersToRest' | 'agentsToCoach';
export const REC_KEYS: RecKey[] = ['windows', 'frequencyCap', 'numbersToRest', 'agentsToCoach'];

export function recommendationItems(r: Recommendations, key: RecKey): RecommendationItem[] {
  const v = r[key];
  return v == null ? [] : Array.isArray(v) ? v : [v];
}

/** Scalar evidence of an item: `{ a: 1, evidence: { n: 2 } }` -> `{ a: 1, 'evidence.n': 2 }`. */
export function flattenEvidence(item: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'explanation') continue;
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v as string | number | boolean | null;
    else if (typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v as Record<string, unknown>)) {
        if (v2 === null || ['string', 'number', 'boolean'].includes(typeof v2)) out[`${k}.${k2}`] = v2 as string | number | boolean | null;
      }
    }
  }
  return out;
}

/** Format of an evidence field, from its name (rates and probabilities as %, p-values as p). */
export function fmtForField(name: string, sample: unknown): Fmt {
  const leaf = name.split('.').pop()!;
  if (typeof sample !== 'number') return 'text';
  if (/^p(Value)?(Adjusted)?$|pValue/i.test(leaf)) return 'p';
  if (/(rate|share|prob|chance|ciLow|ciHigh|lift|diff)/i.test(leaf) && Math.abs(sample) <= 1) return 'pct';
  return Number.isInteger(sample) ? 'int' : 'num';
}

export function recommendationRows(s: Section<Recommendations>, lang: Lang, d: ReportData): ReportTable[] {
  const t = dict(lang);
  const periodNote = fill(t.recommendationsPeriod, { from: d.recommendationsPeriod.from, to: d.week.days[6]! });
  return REC_KEYS.map((key) => {
    const table: ReportTable = {
      id: key, name: t.sheetNames[key], title: t[key], columns: [{ header: t.explanation, fmt: 'text' }], rows: [],
      note: sectionNote(s, lang) ?? periodNote,
    };
    if (s.status !== 'ok') return table;
    const items = recommendationItems(s.value, key);
    const flat = items.map(flattenEvidence);
    const fields = [...new Set(flat.flatMap((f) => Object.keys(f)))];
    table.columns.push(...fields.map((f): Column => ({ header: f, fmt: fmtForField(f, flat.find((x) => x[f] != null)?.[f]) })));
    table.rows = items.map((item, i): CellValue[] => [item.explanation?.[lang] ?? null, ...fields.map((f) => flat[i]![f] ?? null)]);
    if (items.length === 0) table.note = `${periodNote} ${t.noItems}`;
    return table;
  });
}
