import { addDays, compareDates, type PlainDate } from '../dates/plain-date.ts';
import type { DaysBefore } from './notification-preferences.ts';

export type NotificationKind = 'reminder' | 'overdue';

/**
 * How many days late an overdue notice may still go out after the scheduler was down: after
 * that the library's own overdue process has taken over and a mail would only confuse.
 */
export const OVERDUE_CATCH_UP_DAYS = 7;

/** The longest span of due dates the scheduler has to look at around `today`. */
export function notificationWindow(today: PlainDate, maxDaysBefore = 7): { from: PlainDate; to: PlainDate } {
  return { from: addDays(today, -OVERDUE_CATCH_UP_DAYS), to: addDays(today, maxDaysBefore) };
}

export interface NotificationRule {
  /** Reminder wanted at all (by mail or push). */
  reminder: boolean;
  daysBefore: DaysBefore;
  overdueNotice: boolean;
}

/**
 * What is due on the business date `today` for one patron whose loans fall on `dueDates`:
 * - a reminder for a due date D once `today` ≥ D − daysBefore, while D is still ahead
 *   (a late run — after an outage — catches up, but never for a date that has passed);
 * - an overdue notice for D once D has passed (the day after), at most OVERDUE_CATCH_UP_DAYS late.
 * The caller sends each (kind, D) once; sending twice is prevented by its unique key, not here.
 */
export function notificationsDue(
  rule: NotificationRule,
  dueDates: Iterable<PlainDate>,
  today: PlainDate,
): Array<{ kind: NotificationKind; dueDate: PlainDate }> {
  if (!rule.reminder) return [];
  const due: Array<{ kind: NotificationKind; dueDate: PlainDate }> = [];
  for (const dueDate of [...new Set(dueDates)].sort(compareDates)) {
    if (compareDates(dueDate, today) > 0) {
      if (compareDates(addDays(dueDate, -rule.daysBefore), today) <= 0)
        due.push({ kind: 'reminder', dueDate });
    } else if (
      rule.overdueNotice &&
      compareDates(dueDate, today) < 0 &&
      compareDates(dueDate, addDays(today, -OVERDUE_CATCH_UP_DAYS)) >= 0
    ) {
      due.push({ kind: 'overdue', dueDate });
    }
  }
  return due;
}
