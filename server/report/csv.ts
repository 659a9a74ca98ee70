/**
 * CSV: every table of the report as one block (title line, header, rows, note, blank line),
 * UTF-8 with a byte-order mark and CRLF line ends so Excel and WPS open Chinese text correctly.
 * Numbers are written in full precision (rates as proportions, differences in points).
 */
import { neutralizeFormula } from './sanitize.ts';
import type { CellValue, ReportTable } from './tables.ts';

const BOM = '\uFEFF';

function field(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = neutralizeFormula(v);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: CellValue[]) => cells.map(field).join(',');

export function renderCsv(tables: ReportTable[]): Buffer {
  const lines: string[] = [];
  for (const t of tables) {
    lines.push(line([t.title]));
    lines.push(line(t.columns.map((c) => c.header)));
    for (const row of t.rows) lines.push(line(row));
    if (t.note) lines.push(line([t.note]));
    lines.push('');
  }
  return Buffer.from(BOM + lines.join('\r\n'), 'utf8');
}
