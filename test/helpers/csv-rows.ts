/**
 * The records of a CSV text as arrays of cells, in a dialect (quote '' = no quoting: MySQL batch
 * output), quotes doubled inside quoted cells; a record ends at a line break outside quotes (CRLF
 * too). A reading independent of DuckDB, for what a spreadsheet or a data team's script sees.
 */
export function csvRows(text: string, delimiter = ',', quote = '"'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quote && quoted && ch === quote && body[i + 1] === quote) {
      cell += quote;
      i++;
    } else if (quote && ch === quote && (quoted || cell === '')) {
      quoted = !quoted;
    } else if (!quoted && body.startsWith(delimiter, i)) {
      row.push(cell);
      cell = '';
      i += delimiter.length - 1;
    } else if (!quoted && (ch === '\n' || (ch === '\r' && body[i + 1] === '\n'))) {
      if (ch === '\r') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}
