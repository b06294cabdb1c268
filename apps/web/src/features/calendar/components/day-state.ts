import { CLOSED_REASONS, formatMonthDayJa } from '@library/domain';
import type { CalendarDay, CalendarEvent } from '../api/get-calendar.ts';

export function eventText(event: CalendarEvent): string {
  return event.time ? `${event.title} ${event.time}` : event.title;
}

export function closedText(day: CalendarDay): string {
  // 「休館日（休館日）」 says nothing twice; other reasons are worth saying.
  return !day.closedReason || day.closedReason === CLOSED_REASONS.weekly
    ? '休館日'
    : `休館日（${day.closedReason}）`;
}

/**
 * Everything a day shows, in words: what a screen reader says for the day and what the
 * details area shows, so no state is given by colour or a symbol alone.
 */
export function dayStateParts(day: CalendarDay, today: string): string[] {
  const parts: string[] = [];
  if (day.date === today) parts.push('今日');
  if (day.holiday) parts.push(day.holiday);
  parts.push(day.closed ? closedText(day) : '開館');
  for (const event of day.events) parts.push(`イベント ${eventText(event)}`);
  if (day.dueCount) parts.push(`返却期限日 ${day.dueCount}点`);
  return parts;
}

export function dayLabel(day: CalendarDay, today: string): string {
  return `${formatMonthDayJa(day.date)} ${dayStateParts(day, today).join('、')}`;
}
