import { CLOSED_REASONS, dayOfWeek, type Language, type PlainDate, type YearMonth } from '@library/domain';
import type { Translate } from '../../../lib/i18n.ts';
import type { CalendarDay, CalendarEvent } from '../api/get-calendar.ts';

const KNOWN_REASONS = new Set<string>(Object.values(CLOSED_REASONS));

// 2023-01-01 was a Sunday: its week gives the weekdays' names in order, Sunday first.
const SUNDAY = Date.UTC(2023, 0, 1);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The weekdays' names (日…土 / Sun…Sat, or 日曜日… / Sunday…) in `lang`, from Intl rather than a catalog. */
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
export function formatYearMonth(t: Translate, yearMonth: YearMonth): string {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  return t('calendarPage.yearMonth', { year, monthName: monthName(t.lang, month) });
}

/** 2021-01-25 → 1月25日（月） / Mon, January 25: the weekday in the page's language. */
export function formatMonthDay(t: Translate, date: PlainDate): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return t('calendarPage.monthDay', {
    monthName: monthName(t.lang, month),
    day,
    weekday: weekdayNames(t.lang, 'short')[dayOfWeek(date)]!,
  });
}

export function eventText(event: CalendarEvent): string {
  return event.time ? `${event.title} ${event.time}` : event.title;
}

/** The library's own reasons are translated; a reason staff typed in is shown as it is. */
function reasonText(t: Translate, reason: string): string {
  return KNOWN_REASONS.has(reason) ? t(`calendarPage.reason_${reason}`) : reason;
}

export function closedText(t: Translate, day: CalendarDay): string {
  return !day.closedReason || day.closedReason === CLOSED_REASONS.weekly
    ? t('calendarPage.closed')
    : t('calendarPage.closedWithReason', { reason: reasonText(t, day.closedReason) });
}

/**
 * Everything a day shows, in words: what a screen reader says for the day and what the
 * details area shows, so no state is given by colour or a symbol alone.
 */
export function dayStateParts(t: Translate, day: CalendarDay, today: string): string[] {
  const parts: string[] = [];
  if (day.date === today) parts.push(t('calendarPage.today'));
  if (day.holiday) parts.push(day.holiday);
  parts.push(day.closed ? closedText(t, day) : t('calendarPage.open'));
  for (const event of day.events) parts.push(t('calendarPage.eventPart', { event: eventText(event) }));
  if (day.dueCount) parts.push(t('calendarPage.duePart', { count: day.dueCount }));
  return parts;
}

export function dayLabel(t: Translate, day: CalendarDay, today: string): string {
  return `${formatMonthDay(t, day.date)} ${dayStateParts(t, day, today).join(t('calendarPage.partsSeparator'))}`;
}
