/**
 * The one CSV writer of the product (dashboard downloads, weekly report CSV): pure, no Node or
 * DOM imports, so both the server and the web bundle use it.
 *
 * Formula injection (OWASP "CSV injection"): script names, file names and filter values come from
 * CDR files and URLs. A text cell starting with = + - @ (or tab / carriage return, which some
 * importers strip before parsing) is evaluated as a formula by Excel, WPS and LibreOffice; a
 * leading apostrophe makes it text everywhere. Numbers (negative ones too) stay numbers.
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet would evaluate, made inert with a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const isFormulaLike = (text: string): boolean => FORMULA_START.test(text);

export interface CellOptions {
  /** Decimal places kept for numbers (default: all). */
  digits?: number;
}

/** One field: numbers as numbers, text neutralised and quoted when it holds , " CR LF or edge spaces. */
export function csvField(v: CsvValue, o: CellOptions = {}): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    return String(o.digits === undefined ? v : Math.round(v * 10 ** o.digits) / 10 ** o.digits);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const text = neutralizeFormula(v);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[], o: CellOptions = {}): string {
  return cells.map((c) => csvField(c, o)).join(',');
}

/** The UTF-8 byte-order mark every CSV the product serves starts with (see csvDocument). */
export const CSV_BOM = '\uFEFF';

/**
 * A whole file: CRLF line ends and a UTF-8 byte-order mark (Excel and WPS on Chinese Windows read
 * UTF-8 only with it). Lines are given as cells; an empty array is an empty line.
 */
export function csvDocument(lines: readonly (readonly CsvValue[])[], o: CellOptions = {}): string {
  return `${CSV_BOM}${lines.map((l) => csvLine(l, o)).join('\r\n')}\r\n`;
}
