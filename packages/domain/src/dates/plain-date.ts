/**
 * Plain calendar dates (`YYYY-MM-DD`) in the library's time zone, Asia/Tokyo.
 * Arithmetic happens on UTC midnights so that no host time zone or DST can shift a day.
 */
export type PlainDate = string;

export const LIBRARY_TIME_ZONE = 'Asia/Tokyo';

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isPlainDate(value: string): value is PlainDate {
  const match = PLAIN_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtc(date: PlainDate): number {
  if (!isPlainDate(date)) throw new RangeError(`not a plain date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): PlainDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromUtc(toUtc(date) + days * MS_PER_DAY);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: PlainDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date in Asia/Tokyo at the given instant (the business date when no override is set). */
export function plainDateInTokyo(instant: Date): PlainDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: LIBRARY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The guide prints dates as 2021/01/25. */
export function formatDateJa(date: PlainDate): string {
  return date.replaceAll('-', '/');
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM` → the first day of that month. */
export function firstOfMonth(yearMonth: string): PlainDate {
  return `${yearMonth}-01`;
}

/** Adds whole months to a `YYYY-MM`. */
export function addMonths(yearMonth: string, months: number): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every date from `from` to `to`, both included. */
export function eachDate(from: PlainDate, to: PlainDate): PlainDate[] {
  const out: PlainDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
