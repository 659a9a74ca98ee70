import type { Lang } from './i18n.ts';

/** Number, percentage and date formatting for one locale; every figure on screen goes through here. */
export interface Format {
  int(n: number | null | undefined): string;
  pct(r: number | null | undefined, digits?: number): string;
  /** A change in percentage points, signed: "+1.2". */
  pp(delta: number): string;
  /** A relative change, signed: "+5.3%". */
  change(ratio: number): string;
  interval(low: number | null | undefined, high: number | null | undefined): string;
  /** A YYYY-MM-DD date, e.g. "9月7日" / "Sep 7". */
  day(iso: string): string;
  /** A YYYY-MM-DD date with the year, e.g. "2026年9月7日" / "Sep 7, 2026". */
  date(iso: string): string;
  dateTime(iso: string): string;
}

const DASH = '–';

export function createFormat(lang: Lang): Format {
  const int = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const pctFmt = [0, 1, 2].map((d) => new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }));
  const signed1 = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const signedPct = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  // Dates are calendar days in the business timezone already: format them in UTC so the
  // viewer's own timezone never shifts a day.
  const day = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const pct = (r: number | null | undefined, digits = 1) => (r == null || Number.isNaN(r) ? DASH : pctFmt[digits]!.format(r));
  return {
    int: (n) => (n == null ? DASH : int.format(n)),
    pct,
    pp: (delta) => signed1.format(delta * 100),
    change: (ratio) => signedPct.format(ratio),
    interval: (low, high) => (low == null || high == null ? DASH : `${pct(low)} – ${pct(high)}`),
    day: (iso) => day.format(asDate(iso)),
    date: (iso) => date.format(asDate(iso)),
    dateTime: (iso) => {
      // DuckDB's %z writes offsets as +08 or +0800; Date.parse wants +08:00.
      const d = new Date(iso.replace(/([+-]\d{2}):?(\d{2})?$/, (_, h: string, m?: string) => `${h}:${m ?? '00'}`));
      return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
    },
  };
}
