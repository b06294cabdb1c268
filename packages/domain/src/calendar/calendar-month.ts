import { addDays, addMonths, dayOfWeek, daysInMonth, type PlainDate } from '../dates/plain-date.ts';
import { type Language, t } from '../i18n/translate.ts';
import { calendarDateKeys } from './calendar-texts.ts';

/** A month written `YYYY-MM`. */
export type YearMonth = string;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Years outside this range are input errors (Date.UTC also maps years below 100 to 19xx). */
export const CALENDAR_YEAR_MIN = 1900;
export const CALENDAR_YEAR_MAX = 2199;

export function isYearMonth(value: string): value is YearMonth {
  const match = YEAR_MONTH.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  return year >= CALENDAR_YEAR_MIN && year <= CALENDAR_YEAR_MAX;
}

export function yearMonthOf(date: PlainDate): YearMonth {
  return date.slice(0, 7);
}

export function lastOfMonth(yearMonth: YearMonth): PlainDate {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return `${yearMonth}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/** `count` consecutive months starting at `from`. */
export function monthRange(from: YearMonth, count: number): YearMonth[] {
  return Array.from({ length: count }, (_, i) => addMonths(from, i));
}

/**
 * The month as weeks from Sunday to Saturday; days of the neighbouring months are null.
 * Always six weeks, so two months side by side line up and paging never changes the height.
 */
export function monthWeeks(yearMonth: YearMonth): (PlainDate | null)[][] {
  const first = `${yearMonth}-01`;
  const last = lastOfMonth(yearMonth);
  let day = addDays(first, -dayOfWeek(first));
  const weeks: (PlainDate | null)[][] = [];
  for (let w = 0; w < 6; w++) {
    const week: (PlainDate | null)[] = [];
    for (let d = 0; d < 7; d++) {
      week.push(day >= first && day <= last ? day : null);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

// 2023-01-01 was a Sunday: its week gives the weekdays' names in order, Sunday first.
const SUNDAY = Date.UTC(2023, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The weekdays' names (日…土 / Sun…Sat, or 日曜日… / Sunday…) in `lang`, from Intl rather than a
 * catalog. Sunday first: weeks start on 日曜日, as on the library's calendar.
 */
export function weekdayNames(lang: Language, width: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(lang, { weekday: width, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(SUNDAY + i * DAY_MS));
}

/** 1 → 1月 / January. */
function monthName(lang: Language, month: number): string {
  return new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(2023, month - 1, 1),
  );
}

/** 2021-01 → 2021年1月 / January 2021. */
export function formatYearMonth(yearMonth: YearMonth, lang: Language = 'ja'): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return t(lang, calendarDateKeys.yearMonth, { year, monthName: monthName(lang, month) });
}

/** 2021-01-25 → 1月25日（月） / Mon, January 25: the weekday in `lang`. */
export function formatMonthDay(date: PlainDate, lang: Language = 'ja'): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return t(lang, calendarDateKeys.monthDay, {
    monthName: monthName(lang, month),
    day,
    weekday: weekdayNames(lang, 'short')[dayOfWeek(date)]!,
  });
}
