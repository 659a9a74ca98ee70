import type { Column } from './columns.ts';
import type { Lang, MessageKey } from './i18n.ts';
import { formatDuration, ingestMessage, when } from './upload.ts';
import type { IngestRow } from './upload-types.ts';

/** History fields added with direction and timezone inference; older rows lack them. */
type Row = IngestRow & { inbound?: number; timezoneInferred?: boolean };

/** A count that only a file of call records has (none for customers, scripts or summaries). */
const ofCalls = (r: IngestRow, n: number | undefined): number | null => (r.kind === 'calls' ? (n ?? 0) : null);

/**
 * A file's format as the upload's Format menu names it, with its encoding ("国内外呼系统导出 ·
 * GB18030", "Canonical CDR (CSV) · UTF-8"); a name the dictionary does not know (a mapping's own
 * format) as stored. The history's column and an upload's result line both say it this way.
 */
export function formatText(
  label: (dim: string, value: string) => string,
  r: Pick<IngestRow, 'format' | 'encoding'>,
): string {
  return r.format === 'unknown'
    ? '–'
    : [label('format', r.format), r.encoding?.toUpperCase()].filter(Boolean).join(' · ');
}

/** The columns of the ingest history (/data), for its table and its CSV. */
export function ingestColumns(
  t: (k: MessageKey, vars?: Record<string, string | number>) => string,
  label: (dim: string, value: string) => string,
  lang: Lang,
): Column<IngestRow>[] {
  return [
    {
      key: 'startedAt',
      label: t('data.when'),
      kind: 'datetime',
      value: (r) => r.startedAt,
      display: (r) => when(lang, r.startedAt),
    },
    { key: 'fileName', label: t('data.file'), kind: 'text', value: (r) => r.fileName },
    { key: 'status', label: t('data.status'), kind: 'text', value: (r) => label('status', r.status) },
    // "unknown": never detected (a repeated file is recognised by its hash first, or unreadable).
    // The CSV keeps the stored names (data teams grep "cn_export · gb18030"); the table names the
    // format as the upload's Format menu does ("国内外呼系统导出 · GB18030").
    {
      key: 'format',
      label: t('data.detectedFormat'),
      kind: 'text',
      wrap: true,
      value: (r) => (r.format === 'unknown' ? null : [r.format, r.encoding].filter(Boolean).join(' · ')),
      display: (r) => formatText(label, r),
    },
    { key: 'rowsRead', label: t('data.rowsRead'), kind: 'int', value: (r) => r.rowsRead },
    { key: 'calls', label: t('data.calls'), kind: 'int', value: (r) => ofCalls(r, r.calls) },
    { key: 'folded', label: t('data.folded'), kind: 'int', value: (r) => ofCalls(r, r.folded) },
    { key: 'inserted', label: t('data.inserted'), kind: 'int', value: (r) => r.inserted },
    { key: 'duplicates', label: t('data.duplicates'), kind: 'int', value: (r) => r.duplicates },
    { key: 'rejected', label: t('data.rejected'), kind: 'int', value: (r) => r.rejected },
    // Inbound calls: counted apart, never dials (calls = inserted + duplicates + rejected + inbound).
    { key: 'inbound', label: t('data.inbound'), kind: 'int', value: (r) => ofCalls(r, (r as Row).inbound) },
    { key: 'unknownParty', label: t('data.unknownParty'), kind: 'int', value: (r) => ofCalls(r, r.unknownParty) },
    // The zone naive times were read in; "inferred" when the file's own epochs or offsets said so.
    {
      key: 'sourceTimezone',
      label: t('data.sourceTimezone'),
      kind: 'text',
      wrap: true,
      value: (r) =>
        r.sourceTimezone && r.kind === 'calls'
          ? (r as Row).timezoneInferred
            ? t('data.timezoneHow', { zone: r.sourceTimezone, how: t('data.timezoneInferred') })
            : r.sourceTimezone
          : null,
    },
    // Seconds in the CSV (a number a spreadsheet can sum), a readable duration on screen.
    {
      key: 'duration',
      label: t('data.duration'),
      kind: 'int',
      value: (r) => r.durationMs / 1000,
      display: (r) => formatDuration(r.durationMs, lang),
    },
    // In the reader's language from the row's parts; the English message for rows without them.
    {
      key: 'message',
      label: t('data.message'),
      kind: 'text',
      prose: true,
      value: (r) => ingestMessage(lang, r.message, r.messageParts),
    },
  ];
}

/** Whether a history row's calls can be deleted (DELETE /api/ingests/:id answers 409 otherwise). */
export function deletable(r: Pick<IngestRow, 'kind' | 'status' | 'inserted'>): boolean {
  return r.kind === 'calls' && r.status === 'loaded' && r.inserted > 0;
}
