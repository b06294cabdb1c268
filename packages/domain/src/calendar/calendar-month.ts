import { addDays, addMonths, dayOfWeek, daysInMonth, type PlainDate } from '../dates/plain-date.ts';

/** A month written `YYYY-MM`. */
export type YearMonth = string;

/** Weeks start on 日曜日, as on the library's calendar. */
export const WEEKDAY_LABELS = ['日', '月', '火', '水', '木', '金', '土'] as const;
export const WEEKDAY_NAMES = ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'] as const;

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

/** 2021-01 → 2021年1月 */
export function formatYearMonthJa(yearMonth: YearMonth): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

/** 2021-01-25 → 1月25日（月） */
export function formatMonthDayJa(date: PlainDate): string {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${m}月${d}日（${WEEKDAY_LABELS[dayOfWeek(date)]}）`;
}
