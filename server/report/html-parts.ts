/** Small HTML building blocks for the report: escaping, tables, notes. No data logic here. */
import { reportFormat, type Lang } from './i18n.ts';
import type { CellValue, Fmt, ReportTable } from './tables.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for element content and quoted attributes. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Tagged template: interpolated values are escaped unless wrapped in raw(). */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);
type Part = string | number | Raw | null | undefined | false | Part[];
const part = (v: Part): string =>
  v === null || v === undefined || v === false
    ? ''
    : v instanceof Raw
      ? v.html
      : Array.isArray(v)
        ? v.map(part).join('')
        : esc(String(v));
export function html(strings: TemplateStringsArray, ...values: Part[]): Raw {
  return raw(strings.reduce((out, s, i) => out + s + (i < values.length ? part(values[i]!) : ''), ''));
}

export function formatCell(v: CellValue, fmt: Fmt, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';
  if (typeof v === 'string') return v;
  const f = reportFormat(lang);
  switch (fmt) {
    case 'int':
      return f.int(v);
    case 'pct':
      return f.pct(v);
    // 'pp' cells already hold points (×100).
    case 'pp':
      return f.pp(v / 100);
    case 'p':
      return f.p(v);
    case 'prob':
      return f.prob(v);
    case 'num':
      return Number.isInteger(v) ? f.int(v) : f.ratio(v);
    default:
      return String(v);
  }
}

/** A report table as HTML; numeric columns right-aligned. `limit` keeps long tables short on paper. */
export function tableHtml(t: ReportTable, lang: Lang, opts: { limit?: number; className?: string } = {}): Raw {
  const rows = opts.limit ? t.rows.slice(0, opts.limit) : t.rows;
  const numeric = t.columns.map((c) => c.fmt !== 'text');
  return html`<table class="${opts.className ?? ''}">
    <thead>
      <tr>
        ${t.columns.map((c, i) => html`<th class="${numeric[i] ? 'n' : ''}">${c.header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (row, r) =>
          html`<tr>
            ${row.map((v, c) => html`<td class="${numeric[c] ? 'n' : ''}">${formatCell(v, t.cellFmt?.[`${r}:${c}`] ?? t.columns[c]!.fmt, lang)}</td>`)}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export const note = (text: string | null | undefined) => (text ? html`<p class="note">${text}</p>` : '');
