/**
 * CSV: every table of the report as one block (title line, header, rows, note, blank line),
 * UTF-8 with a byte-order mark and CRLF line ends so Excel and WPS open Chinese text correctly.
 * Numbers are written in full precision (rates as proportions, differences in points). Cells go
 * through the product's one CSV writer (server/contract/csv.ts), which neutralises formulas.
 */
import { csvDocument, type CsvValue } from '../contract/csv.ts';
import type { ReportTable } from './tables.ts';

export function renderCsv(tables: ReportTable[]): Buffer {
  const lines: CsvValue[][] = [];
  for (const t of tables) {
    lines.push([t.title]);
    lines.push(t.columns.map((c) => c.header));
    for (const row of t.rows) lines.push(row as CsvValue[]);
    if (t.note) lines.push([t.note]);
    lines.push([]);
  }
  lines.pop(); // the blank line after the last table is the file's final line end
  return Buffer.from(csvDocument(lines), 'utf8');
}
