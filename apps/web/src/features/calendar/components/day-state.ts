import { CLOSED_REASONS, formatMonthDay } from '@library/domain';
import type { Translate } from '../../../lib/i18n.ts';
import type { CalendarDay, CalendarEvent } from '../api/get-calendar.ts';

const KNOWN_REASONS = new Set<string>(Object.values(CLOSED_REASONS));

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
  return `${formatMonthDay(day.date, t.lang)} ${dayStateParts(t, day, today).join(t('calendarPage.partsSeparator'))}`;
}
