import { describe, expect, it } from 'vitest';
import { notificationsDue, notificationWindow, OVERDUE_CATCH_UP_DAYS } from './notification-schedule.ts';

const rule = { reminder: true, daysBefore: 3 as const, overdueNotice: true };

describe('notificationsDue', () => {
  it('sends the reminder from daysBefore days ahead until the due date, never on or after it', () => {
    const on = (today: string) => notificationsDue(rule, ['2021-01-25'], today);
    expect(on('2021-01-21')).toEqual([]);
    expect(on('2021-01-22')).toEqual([{ kind: 'reminder', dueDate: '2021-01-25' }]);
    // A run after an outage catches up while the date is still ahead…
    expect(on('2021-01-24')).toEqual([{ kind: 'reminder', dueDate: '2021-01-25' }]);
    // …but never on or after the date.
    expect(on('2021-01-25')).toEqual([]);
  });

  it('sends the overdue notice from the day after, for at most OVERDUE_CATCH_UP_DAYS', () => {
    const on = (today: string) => notificationsDue(rule, ['2021-01-25'], today);
    expect(on('2021-01-26')).toEqual([{ kind: 'overdue', dueDate: '2021-01-25' }]);
    expect(on('2021-02-01')).toEqual([{ kind: 'overdue', dueDate: '2021-01-25' }]);
    expect(OVERDUE_CATCH_UP_DAYS).toBe(7);
    expect(on('2021-02-02')).toEqual([]);
    expect(notificationsDue({ ...rule, overdueNotice: false }, ['2021-01-25'], '2021-01-26')).toEqual([]);
  });

  it('gives one entry per date however many loans fall on it, and nothing without opting in', () => {
    expect(notificationsDue(rule, ['2021-01-25', '2021-01-24', '2021-01-25'], '2021-01-22')).toEqual([
      { kind: 'reminder', dueDate: '2021-01-24' },
      { kind: 'reminder', dueDate: '2021-01-25' },
    ]);
    expect(notificationsDue({ ...rule, reminder: false }, ['2021-01-25'], '2021-01-22')).toEqual([]);
  });

  it('honours each choice of days before', () => {
    for (const daysBefore of [1, 2, 3, 7] as const) {
      expect(
        notificationsDue({ ...rule, daysBefore }, ['2021-01-25'], `2021-01-${25 - daysBefore - 1}`),
      ).toEqual([]);
    }
    expect(notificationsDue({ ...rule, daysBefore: 7 }, ['2021-01-25'], '2021-01-18')).toHaveLength(1);
    expect(notificationsDue({ ...rule, daysBefore: 1 }, ['2021-01-25'], '2021-01-23')).toEqual([]);
    expect(notificationsDue({ ...rule, daysBefore: 1 }, ['2021-01-25'], '2021-01-24')).toHaveLength(1);
  });

  it('covers every date a rule can need', () => {
    expect(notificationWindow('2021-01-22')).toEqual({ from: '2021-01-15', to: '2021-01-29' });
  });
});
