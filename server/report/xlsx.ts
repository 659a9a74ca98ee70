/**
 * XLSX via exceljs: one sheet per table, the header on row 1 and frozen, numbers stored as
 * numbers with display formats (percent, points, counts, p-values), column widths from the
 * content, notes as footnotes below the data. Text cells go through the formula neutraliser.
 */
import ExcelJS from 'exceljs';
import { neutralizeFormula } from './sanitize.ts';
import type { CellValue, Fmt, ReportTable } from './tables.ts';

const NUM_FMT: Record<Fmt, string | undefined> = {
  text: undefined,
  int: '#,##0',
  pct: '0.0%',
  pp: '+0.0;-0.0;0.0',
  p: '0.000',
  prob: '0.0%',
  num: '0.000',
};

/** Display width of text: CJK characters take two columns. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique within the workbook. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 28)} ${i}`;
  used.add(out.toLowerCase());
  return out;
}

function cellValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  return neutralizeFormula(v);
}

export async function renderXlsx(tables: ReportTable[], meta: { title: string; created: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hangup Insight';
  wb.title = meta.title;
  wb.created = meta.created;
  wb.modified = meta.created;
  const used = new Set<string>();
  for (const table of tables) {
    const ws = wb.addWorksheet(sheetName(table.name, used), { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
    const header = ws.addRow(table.columns.map((c) => neutralizeFormula(c.header)));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF8899AA' } } };
    });
    const widths = table.columns.map((c) => Math.min(24, textWidth(c.header)));
    table.rows.forEach((row, r) => {
      const added = ws.addRow(row.map(cellValue));
      row.forEach((v, c) => {
        const fmt = table.cellFmt?.[`${r}:${c}`] ?? table.columns[c]?.fmt ?? 'text';
        const numFmt = NUM_FMT[fmt];
        if (numFmt && typeof v === 'number') added.getCell(c + 1).numFmt = numFmt;
        const shown = typeof v === 'number' ? (fmt === 'pct' ? 7 : 10) : textWidth(String(v ?? ''));
        widths[c] = Math.max(widths[c] ?? 0, shown);
      });
    });
    ws.columns.forEach((col, i) => {
      // At least 10: exceljs leaves out a width of exactly 9 (its default), and readers then guess.
      col.width = Math.max(10, Math.min(60, (widths[i] ?? 8) + 2));
    });
    if (table.note) {
      ws.addRow([]);
      const note = ws.addRow([neutralizeFormula(table.note)]);
      note.font = { italic: true, color: { argb: 'FF555555' } };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
