import { addDays, dayOfWeek, daysInMonth, eachDate, type PlainDate } from '../dates/plain-date.ts';

export const CLOSED_REASONS = {
  weekly: '休館日',
  maintenance: '館内整理日',
  yearEnd: '年末年始',
  special: '特別整理期間',
} as const;

export interface ClosedDay {
  date: PlainDate;
  reason: string;
}

export interface ClosingRules {
  /** 0 = Sunday … 6 = Saturday. */
  weeklyClosingDay: number;
}

/** Returns the holiday's name, or undefined when `date` is not a national holiday. */
export type HolidayLookup = (date: PlainDate) => string | undefined;

function isWeekday(date: PlainDate): boolean {
  const dow = dayOfWeek(date);
  return dow >= 1 && dow <= 5;
}

/** The last Thursday of the date's month (館内整理日). */
export function isLastThursday(date: PlainDate): boolean {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayOfWeek(date) === 4 && d + 7 > daysInMonth(y, m);
}

/** 12/29 – 1/3. */
export function isYearEndHoliday(date: PlainDate): boolean {
  const md = date.slice(5);
  return md >= '12-29' || md <= '01-03';
}

/**
 * The regular closed days of a branch between `from` and `to` (both included):
 * the weekly closing day — when it is a national holiday the branch opens and closes on the
 * next weekday that is not a holiday instead —, the last Thursday of each month and 12/29–1/3.
 */
export function generateClosedDays(
  rules: ClosingRules,
  from: PlainDate,
  to: PlainDate,
  holidayOf: HolidayLookup,
): ClosedDay[] {
  const closed = new Map<PlainDate, string>();
  const mark = (date: PlainDate, reason: string) => {
    if (!closed.has(date)) closed.set(date, reason);
  };
  // Start a week early so a closing day moved from just before `from` is still found.
  for (const date of eachDate(addDays(from, -7), to)) {
    if (isYearEndHoliday(date)) mark(date, CLOSED_REASONS.yearEnd);
    else if (isLastThursday(date)) mark(date, CLOSED_REASONS.maintenance);
    if (dayOfWeek(date) !== rules.weeklyClosingDay) continue;
    let closing = date;
    while (holidayOf(closing) !== undefined || (closing !== date && !isWeekday(closing))) {
      closing = addDays(closing, 1);
    }
    mark(closing, CLOSED_REASONS.weekly);
  }
  return [...closed]
    .filter(([date]) => date >= from && date <= to)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, reason]) => ({ date, reason }));
}

/** The first date on or after `date` on which the branch is open (R2). */
export function nextOpenDay(date: PlainDate, isClosed: (date: PlainDate) => boolean): PlainDate {
  let day = date;
  // A branch is never closed for a year on end; the bound turns a data error into an exception.
  for (let i = 0; i < 366; i++) {
    if (!isClosed(day)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError(`no open day within a year after ${date}`);
}
