/**
 * A field of a record shown by its shape only: each digit is 9, each run of letters is `a`, the
 * rest (separators, quotes, brackets) as written: `2019-07-22 16:44:37` is `9999-99-99 99:99:99`,
 * a customer's name `Phạm Thành Nam` is `a a a`. A record's fields are customers' names and
 * numbers: the messages that quote a headerless file's first line (kept in the ingest history,
 * which every viewer reads) never show them. Shaping a shape changes nothing, so the Data page can
 * shape the first lines that history rows stored before this existed.
 */
export function valueShape(v: string): string {
  return v
    .trim()
    .replace(/\p{N}/gu, '9')
    .replace(/[\p{L}\p{M}]+/gu, 'a');
}
