import { csvDocument } from '../../../server/contract/csv.ts';
import type { Column } from './columns.ts';

/**
 * CSV of a table: localized headers, raw values (rates as fractions, full precision to 6
 * places), so a spreadsheet can recompute anything. Written by the product's one CSV writer
 * (server/contract/csv.ts): BOM, CRLF, and text that would run as a formula neutralised.
 */
export function toCsv<R>(columns: readonly Column<R>[], rows: readonly R[]): string {
  return csvDocument([columns.map((c) => c.label), ...rows.map((r) => columns.map((c) => c.value(r)))], { digits: 6 });
}

export function downloadCsv<R>(fileName: string, columns: readonly Column<R>[], rows: readonly R[]): void {
  const blob = new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' });
  saveBlob(blob, fileName.endsWith('.csv') ? fileName : `${fileName}.csv`);
}

/** Hands a file made or fetched in the page to the browser's download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
