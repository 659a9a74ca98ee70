/**
 * Formula-injection neutralisation for text that ends up in a spreadsheet (OWASP "CSV
 * injection"). Script names, file names and filter values come from CDR files and URLs; a cell
 * starting with = + - @ (or tab / carriage return, which some importers strip before parsing)
 * would be evaluated as a formula by Excel, WPS or LibreOffice. A leading apostrophe makes it
 * text everywhere. Only text cells are touched: numbers (including negative ones) are written
 * as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export const isFormulaLike = (text: string) => FORMULA_START.test(text);
