/**
 * Splits one CSV line for format detection only (DuckDB reads the data). Handles quotes, doubled
 * quotes, a space before a quote (FreeSWITCH) and unquoted fields; a quote-less delimiter (TSV).
 */
export function splitCsvLine(line: string, delimiter = ','): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    let j = i;
    while (line[j] === ' ') j++;
    if (line[j] === '"') {
      let value = '';
      j++;
      for (;;) {
        if (j >= line.length) break;
        if (line[j] === '"' && line[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (
          line[j] === '"' &&
          (j + 1 >= line.length ||
            /^\s*$/.test(
              line.slice(j + 1, line.indexOf(delimiter, j + 1) < 0 ? undefined : line.indexOf(delimiter, j + 1)),
            ))
        ) {
          j++;
          break;
        } else value += line[j++];
      }
      out.push(value);
      const next = line.indexOf(delimiter, j);
      if (next < 0) break;
      i = next + delimiter.length;
    } else {
      const next = line.indexOf(delimiter, i);
      out.push(next < 0 ? line.slice(i) : line.slice(i, next));
      if (next < 0) break;
      i = next + delimiter.length;
    }
  }
  return out;
}

/** Header names compare without case, spaces, underscores, hyphens or a BOM: "Call Sid" = "call_sid" = "CallSid". */
export function looseName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}
