/**
 * Every number a person reads, in one place: the dashboard (web/src/lib/format.ts re-exports
 * this) and the weekly report (HTML, PDF, XLSX text, CSV notes) format through the same
 * functions, so "32.0%", "< 0.001", "> 99.9%" and "10:00–11:00" look alike everywhere.
 * Pure: Intl only, no DOM, no Node APIs.
 */

/** The dashboard says zh-CN, the report says zh; both mean the same formats. */
export type FormatLang = 'zh-CN' | 'zh' | 'en';

export interface Format {
  /** A count with thousands separators: "12,345". */
  int(n: number | null | undefined): string;
  /** A proportion as a percentage, one decimal by default: "32.0%". */
  pct(r: number | null | undefined, digits?: number): string;
  /** A change in percentage points, signed: "+1.2", "-0.5", "0.0" (never "-0.0"). */
  pp(delta: number | null | undefined): string;
  /** Percentage points, one decimal, signed only when negative: "4.1", "-1.0". */
  points(delta: number | null | undefined): string;
  /** A relative change, signed: "+5.3%". */
  change(ratio: number | null | undefined): string;
  interval(low: number | null | undefined, high: number | null | undefined): string;
  /** A p-value: "< 0.001", else three significant digits ("0.418", "0.0123"). */
  p(x: number | null | undefined): string;
  /** "p < 0.001" / "p = 0.0123": a p-value inside a sentence. */
  pIs(x: number | null | undefined): string;
  /** A probability as a percentage clamped to [0, 1]: "> 99.9%" / "< 0.1%" rather than a false certainty. */
  prob(x: number | null | undefined): string;
  /** A ratio such as an odds ratio, two decimals. */
  ratio(x: number | null | undefined): string;
  /** An hour of day as its one-hour window: 10 -> "10:00–11:00". */
  hours(h: number | string | null | undefined): string;
  /** An hour of day as a clock time: 9 -> "09:00". */
  hour(h: number | string | null | undefined): string;
  /** A YYYY-MM-DD date, e.g. "9月7日" / "Sep 7". */
  day(iso: string): string;
  /** A YYYY-MM-DD date with the year, e.g. "2026年9月7日" / "Sep 7, 2026". */
  date(iso: string): string;
  /** A year and month: "2026年9月" / "Sep 2026". */
  month(iso: string): string;
  dateTime(iso: string): string;
}

export const DASH = '–';
const NBSP = '\u00a0';
const blank = (x: number | null | undefined): x is null | undefined => x == null || !Number.isFinite(x);
/** Rounding can leave -0 ("-0.0%"): a value that rounds to zero is shown unsigned. */
const unsignZero = (x: number, digits: number) => (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x);

export function createFormat(lang: FormatLang): Format {
  const loc = lang === 'en' ? 'en' : 'zh-CN';
  const int = new Intl.NumberFormat(loc, { maximumFractionDigits: 0 });
  const pctFmt = [0, 1, 2].map(
    (d) => new Intl.NumberFormat(loc, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d }),
  );
  const signed1 = new Intl.NumberFormat(loc, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const plain1 = new Intl.NumberFormat(loc, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const signedPct = new Intl.NumberFormat(loc, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const sig3 = new Intl.NumberFormat(loc, { maximumSignificantDigits: 3 });
  const dec2 = new Intl.NumberFormat(loc, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Dates are calendar days in the business timezone already: format them in UTC so the
  // viewer's own timezone never shifts a day.
  const day = new Intl.DateTimeFormat(loc, { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const date = new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(loc, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short' });
  const asDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const pct = (r: number | null | undefined, digits = 1) =>
    blank(r) ? DASH : pctFmt[digits]!.format(unsignZero(r, digits + 2));
  // No-break spaces: a value never breaks from its sign, on a phone or a printed page ("p < 0.001").
  const p = (x: number | null | undefined) =>
    blank(x) ? DASH : x < 0.001 ? `<${NBSP}${sig3.format(0.001)}` : sig3.format(Math.min(1, x));
  const clock = (h: number) => `${String(h).padStart(2, '0')}:00`;
  const hourOf = (h: number | string | null | undefined) =>
    h == null || h === '' || !Number.isFinite(Number(h)) ? null : Number(h);
  return {
    int: (n) => (blank(n) ? DASH : int.format(unsignZero(n, 0))),
    pct,
    pp: (delta) => (blank(delta) ? DASH : signed1.format(unsignZero(delta * 100, 1))),
    points: (delta) => (blank(delta) ? DASH : plain1.format(unsignZero(delta * 100, 1))),
    change: (ratio) => (blank(ratio) ? DASH : signedPct.format(unsignZero(ratio, 3))),
    interval: (low, high) => (blank(low) || blank(high) ? DASH : `${pct(low)} – ${pct(high)}`),
    p,
    pIs: (x) => (blank(x) ? `p${NBSP}${DASH}` : x < 0.001 ? `p${NBSP}${p(x)}` : `p${NBSP}=${NBSP}${p(x)}`),
    prob: (x) => {
      if (blank(x)) return DASH;
      // Numerical integration can land a hair outside [0, 1] (1.0000000000000024).
      const c = Math.min(1, Math.max(0, x));
      return c > 0.999 ? `>${NBSP}${pct(0.999)}` : c < 0.001 ? `<${NBSP}${pct(0.001)}` : pct(c);
    },
    ratio: (x) => (blank(x) ? DASH : dec2.format(unsignZero(x, 2))),
    hours: (h) => {
      const n = hourOf(h);
      return n === null ? DASH : `${clock(n)}–${clock((n + 1) % 24 === 0 ? 24 : n + 1)}`;
    },
    hour: (h) => {
      const n = hourOf(h);
      return n === null ? DASH : clock(n);
    },
    day: (iso) => day.format(asDate(iso)),
    date: (iso) => date.format(asDate(iso)),
    month: (iso) => month.format(asDate(iso)),
    dateTime: (iso) => {
      // DuckDB's %z writes offsets as +08 or +0800; Date.parse wants +08:00.
      const d = new Date(iso.replace(/([+-]\d{2}):?(\d{2})?$/, (_, hh: string, mm?: string) => `${hh}:${mm ?? '00'}`));
      return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
    },
  };
}
