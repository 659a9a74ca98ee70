/**
 * CSV: every table of the report as one block (title line, header, rows, note, blank line),
 * UTF-8 with a byte-order mark and CRLF line ends so Excel and WPS open Chinese text correctly.
 * A CSV has no number formats, so numbers are written as a reader should see them, each column's
 * unit in its header: rates and probabilities in percent with one decimal ("46.3", header "(%)"),
 * differences in percentage points with one decimal (header "(pt)"), p-values to three significant
 * digits, ratios to three decimals, counts as integers; the same precision the XLSX shows. A row
 * of counts in a column of rates (the dials row of the KPIs) says "(count)" in its label. Cells go
 * through the product's one CSV writer (server/contract/csv.ts), which neutralises formulas.
 */
import { csvDocument, type CsvValue } from '../contract/csv.ts';
import type { Lang } from './i18n.ts';
import type { CellValue, Fmt, ReportTable } from './tables.ts';

/** Header suffix of a percent column (the 'pp' columns already say "(pt)" / "（百分点）"). */
const PERCENT: Record<Lang, string> = { zh: '（%）', en: ' (%)' };
const COUNT: Record<Lang, string> = { zh: '（计数）', en: ' (count)' };

const round = (x: number, digits: number) => {
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return r === 0 ? 0 : r; // never "-0"
};

/** A number as the CSV writes it, by the format of its cell. */
export function csvNumber(v: number, fmt: Fmt): number | null {
  if (!Number.isFinite(v)) return null;
  switch (fmt) {
    case 'pct':
    case 'prob':
      return round(v * 100, 1);
    case 'pp':
      return round(v, 1);
    case 'int':
      return Math.round(v);
    case 'p':
      return v === 0 ? 0 : Number(v.toPrecision(3));
    case 'num':
      return round(v, 3);
    default:
      return v;
  }
}

const isPercent = (fmt: Fmt) => fmt === 'pct' || fmt === 'prob';

export function renderCsv(tables: ReportTable[], lang: Lang): Buffer {
  const lines: CsvValue[][] = [];
  for (const t of tables) {
    lines.push([t.title]);
    lines.push(t.columns.map((c) => (isPercent(c.fmt) ? c.header + PERCENT[lang] : c.header)));
    t.rows.forEach((row, r) => {
      const fmtOf = (c: number): Fmt => t.cellFmt?.[`${r}:${c}`] ?? t.columns[c]?.fmt ?? 'text';
      // A count in a column whose header names another unit: the row's label says so.
      const counts = row.some((_, c) => fmtOf(c) === 'int' && t.columns[c]?.fmt !== 'int');
      lines.push(
        row.map((v: CellValue, c): CsvValue => {
          if (typeof v === 'number') return csvNumber(v, fmtOf(c));
          if (c === 0 && counts && typeof v === 'string') return v + COUNT[lang];
          return v;
        }),
      );
    });
    if (t.note) lines.push([t.note]);
    lines.push([]);
  }
  lines.pop(); // the blank line after the last table is the file's final line end
  return Buffer.from(csvDocument(lines), 'utf8');
}
