/**
 * The reasons a rejects file gives (queries/ingest/ingest_check.sql, the readers, dimension files,
 * format rules), in Chinese. Their grammar is small and fixed: "<column>: <what>[: "<value>"]",
 * several joined by "; ". Column names and values stay as the file has them (they are what the data
 * team looks for); an unknown part, such as DuckDB's own words on a line it could not split, is kept.
 */

const READER_ERRORS: Record<string, string> = {
  'missing columns': '列数不足',
  'too many columns': '列数过多',
  'unquoted value': '引号不成对',
  'line size over maximum': '行过长',
  'invalid unicode': '不是有效的 UTF-8 文本',
  cast: '值的类型不对',
};

const PARTS: [RegExp, (...g: string[]) => string][] = [
  [/^key column missing or empty$/, () => '键列缺失或为空'],
  [/^number_tag missing$/, () => 'number_tag 缺失'],
  [
    /^talk_seconds: missing for an answered call \(give talk_seconds, or answered_at and ended_at\)$/,
    () => 'talk_seconds：接通的通话缺少通话时长（请给出 talk_seconds，或 answered_at 与 ended_at）',
  ],
  [/^(\w+): missing$/, (c) => `${c}：缺失`],
  [/^(\w+): before started_at$/, (c) => `${c}：早于 started_at`],
  [/^(\w+): not a timestamp: (".*")$/s, (c, v) => `${c}：不是时间：${v}`],
  [/^(\w+): not a date: (".*")$/s, (c, v) => `${c}：不是日期：${v}`],
  [/^(\w+): not a non-negative number: (".*")$/s, (c, v) => `${c}：不是非负数：${v}`],
  [/^(\w+): not a number: (".*")$/s, (c, v) => `${c}：不是数字：${v}`],
  [
    /^(\w+): unknown value (".*") \(inbound or outbound\)$/s,
    (c, v) => `${c}：未知取值 ${v}（应为 inbound 或 outbound）`,
  ],
  [/^(\w+): unknown value (".*")$/s, (c, v) => `${c}：未知取值 ${v}`],
  [
    /^line (\d+): a value of (\d+) bytes, over the (\d+)-byte field limit$/,
    (l, b, max) => `第 ${l} 行：有一个值长 ${b} 字节，超过字段上限 ${max} 字节`,
  ],
  // A line the reader could not split: DuckDB's error type (lower case) and its own words, kept.
  [/^line (\d+): ([a-z ]+) \((.*)\)$/s, (l, type, words) => `第 ${l} 行：${READER_ERRORS[type] ?? type}（${words}）`],
  [/^status (\w+): call not finished$/, (s) => `状态 ${s}：通话尚未结束`],
];

function partZh(part: string): string {
  for (const [re, zh] of PARTS) {
    const m = re.exec(part);
    if (m) return zh(...m.slice(1));
  }
  return part;
}

/**
 * The parts of a joined reason. A "; " separates two parts only outside a quoted value (values are
 * quoted, their own quotes unescaped): a piece that leaves a quote open is joined with the next.
 */
export function reasonParts(reason: string): string[] {
  const parts: string[] = [];
  for (const piece of reason.split('; ')) {
    const open = parts.length > 0 && (parts[parts.length - 1].split('"').length - 1) % 2 === 1;
    if (open) parts[parts.length - 1] += `; ${piece}`;
    else parts.push(piece);
  }
  return parts;
}

/** A rejects-file reason in Chinese, part by part ("; " between parts, as written). */
export function rejectReasonZh(reason: string): string {
  return reasonParts(reason).map(partZh).join('; ');
}
