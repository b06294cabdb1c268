/**
 * Plain calendar dates (`YYYY-MM-DD`) in the library's time zone, Asia/Tokyo.
 * Arithmetic counts whole days, never instants, so no host time zone or DST can shift a day.
 */
export type PlainDate = string;

export const LIBRARY_TIME_ZONE = 'Asia/Tokyo';

/**
 * Dates are counted as whole days since 1970-01-01 (the proleptic Gregorian calendar, years
 * 0001–9999) by integer arithmetic: the renewal preview adds days to every loan of a page many
 * times over (R1, R2's next open day, `availableFrom`), and parsing through a regex and `Date`
 * and formatting through `toISOString` was a measurable share of a loans-list request
 * (docs/performance.md). The conversions are H. Hinnant's `days_from_civil` / `civil_from_days`.
 */
function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** The day number of `YYYY-MM-DD`, or NaN when it is not a real calendar date. */
function dayNumber(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  for (const i of DIGIT_POSITIONS) if (!isDigit(value.charCodeAt(i))) return Number.NaN;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return Number.NaN;
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function fromDayNumber(days: number): PlainDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1 || y > 9999) throw new RangeError(`a date outside the years 0001–9999: day ${days}`);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

export function isPlainDate(value: string): value is PlainDate {
  return !Number.isNaN(dayNumber(value));
}

function toDays(date: PlainDate): number {
  const days = dayNumber(date);
  if (Number.isNaN(days)) throw new RangeError(`not a plain date: ${date}`);
  return days;
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromDayNumber(toDays(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: PlainDate, b: PlainDate): number {
  return toDays(b) - toDays(a);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(date: PlainDate): number {
  return (((toDays(date) + 4) % 7) + 7) % 7;
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
