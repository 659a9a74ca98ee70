/**
 * ISO 8601 weeks as ranges of local calendar dates in the business timezone.
 * Why only dates: `calls.local_date` is derived at ingest in the business timezone, so a week
 * is exactly [Monday, next Monday) on that column — a 23:30 Sunday call is already stored with
 * Sunday's date. The only place a clock and a timezone meet is "which week is it now".
 */

export interface IsoWeek {
  /** Canonical label, e.g. `2026-W37`. */
  label: string;
  year: number;
  week: number;
  /** Monday, YYYY-MM-DD (inclusive). */
  from: string;
  /** The next Monday, YYYY-MM-DD (exclusive), matching the API's `to`. */
  to: string;
  /** The seven dates Monday..Sunday. */
  days: string[];
}

export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** UTC midnight of the Monday of ISO week 1 of `year` (the week holding 4 January). */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // 0 = Monday
  return jan4 - dow * DAY_MS;
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export function weeksInYear(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
}

function build(year: number, week: number): IsoWeek {
  const monday = week1Monday(year) + (week - 1) * 7 * DAY_MS;
  return {
    label: `${year}-W${String(week).padStart(2, '0')}`,
    year,
    week,
    from: ymd(monday),
    to: ymd(monday + 7 * DAY_MS),
    days: Array.from({ length: 7 }, (_, i) => ymd(monday + i * DAY_MS)),
  };
}

/** Parses `2026-W37`; throws a RangeError naming the problem for anything else. */
export function parseIsoWeek(text: string): IsoWeek {
  const m = ISO_WEEK_PATTERN.exec(text);
  if (!m) throw new RangeError(`expected an ISO week such as 2026-W37, got "${text}"`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1970 || year > 9998) throw new RangeError(`year ${year} is out of range`);
  const max = weeksInYear(year);
  if (week < 1 || week > max) throw new RangeError(`${year} has ISO weeks 1-${max}, got ${week}`);
  return build(year, week);
}

/** The ISO week containing a calendar date (YYYY-MM-DD). */
export function isoWeekOfDate(date: string): IsoWeek {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a date: "${date}"`);
  const thursday = ms + (3 - ((new Date(ms).getUTCDay() + 6) % 7)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  return build(year, Math.floor((thursday - week1Monday(year)) / (7 * DAY_MS)) + 1);
}

/** The week `offset` weeks after `w` (negative: before). */
export function shiftWeek(w: IsoWeek, offset: number): IsoWeek {
  return isoWeekOfDate(ymd(Date.parse(`${w.from}T00:00:00Z`) + offset * 7 * DAY_MS));
}

/** The calendar date at instant `now` in `timeZone` (YYYY-MM-DD). */
export function localDate(now: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The last complete week before the one containing `now` in the business timezone. */
export function previousWeek(now: Date, timeZone: string): IsoWeek {
  return shiftWeek(isoWeekOfDate(localDate(now, timeZone)), -1);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return ymd(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/** 'YYYY-MM-DD HH:MM' at instant `now` in `timeZone`. */
export function localDateTime(now: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The last week whose Sunday the data reaches: the newest week a report covers in full. */
export function lastCompleteWeek(lastDate: string): IsoWeek {
  const w = isoWeekOfDate(lastDate);
  return w.days[6] === lastDate ? w : shiftWeek(w, -1);
}

/** A week the data has calls in; `complete`: the data starts by its Monday and reaches its Sunday. */
export interface WeekWithData {
  week: IsoWeek;
  complete: boolean;
}

/** One week as GET /api/reports/weeks lists it (the week picker's option). */
export interface WeekOption {
  /** e.g. `2026-W44`. */
  week: string;
  /** Monday and Sunday, YYYY-MM-DD. */
  from: string;
  until: string;
  complete: boolean;
}

export const weekOption = (w: WeekWithData): WeekOption => ({
  week: w.week.label,
  from: w.week.from,
  until: w.week.days[6]!,
  complete: w.complete,
});

/**
 * The ISO weeks holding at least one of `dates` (the local dates with calls, any order), newest
 * first: the weekly report's week picker, which never offers a week without a call.
 */
export function weeksOfDates(dates: readonly string[]): WeekWithData[] {
  if (dates.length === 0) return [];
  const sorted = [...dates].sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const out = new Map<string, WeekWithData>();
  for (const date of sorted.reverse()) {
    const week = isoWeekOfDate(date);
    if (!out.has(week.label)) out.set(week.label, { week, complete: week.days[6]! <= last && week.from >= first });
  }
  return [...out.values()];
}

/**
 * The week a report covers when none is named (CLI, API, schedule, and the /reports page): the
 * last week the data reaches to its Sunday, never one still running at `now`; with less than a
 * week of data, the week of its last day; with no data, the previous calendar week.
 */
export function defaultWeek(
  bounds: { firstDate: string | null; lastDate: string | null },
  now: Date,
  timeZone: string,
): IsoWeek {
  const previous = previousWeek(now, timeZone);
  if (!bounds.lastDate) return previous;
  let w = lastCompleteWeek(bounds.lastDate);
  if (bounds.firstDate && w.days[6]! < bounds.firstDate) w = isoWeekOfDate(bounds.lastDate);
  return w.from > previous.from ? previous : w;
}
